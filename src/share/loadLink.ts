/**
 * The Load lab's link: scenario, seed and parameters ⇄ the text after `#` on load.html
 * (`s=<id>&seed=<n>&m=<param>:<value>,…`). Pure: never touches `window`; `decodeLoadLink`
 * never throws, refuses what it cannot read and warns about what it drops.
 */
import { LOAD_SCENARIOS, findLoadScenario } from '../scenarios/load/index';
import type { LoadScenarioDef } from '../scenarios/load/types';

export interface LoadLinkState {
  readonly scenarioId: string;
  readonly seed: number;
  /** Parameters that differ from the scenario's defaults. */
  readonly params: Readonly<Record<string, number>>;
}

export type LoadLinkResult =
  | { readonly ok: true; readonly state: LoadLinkState; readonly warnings: readonly string[] }
  | { readonly ok: false; readonly error: string };

const MAX_LENGTH = 2_000;
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/** Returns the link text (without `#`) for `state`. Pure. */
export function encodeLoadLink(state: LoadLinkState): string {
  const scenario = findLoadScenario(state.scenarioId);
  const params = (scenario?.params ?? [])
    .filter((p) => state.params[p.id] !== undefined && state.params[p.id] !== p.defaultValue)
    .map((p) => `${p.id}:${state.params[p.id]}`);
  const parts = [`s=${state.scenarioId}`, `seed=${state.seed >>> 0}`];
  if (params.length > 0) parts.push(`m=${params.join(',')}`);
  return parts.join('&');
}

/** Returns the parameters `text` names, in range, with a warning for each one dropped. */
function paramsOf(scenario: LoadScenarioDef, text: string, warnings: string[]) {
  const params: Record<string, number> = {};
  for (const pair of text.split(',').filter((p) => p !== '')) {
    const match = /^([A-Za-z][A-Za-z0-9_]{0,31}):(-?\d{1,9})$/.exec(pair);
    const name = match?.[1];
    const def = scenario.params.find((p) => p.id === name);
    if (!match || !name || FORBIDDEN.has(name) || !def) {
      warnings.push(`The link sets an unknown parameter “${pair.split(':')[0]}”; ignored it.`);
      continue;
    }
    const value = Number(match[2]);
    if (value < def.min || value > def.max) {
      warnings.push(
        `${def.label} ${value} is out of range (${def.min}–${def.max}); using ${def.defaultValue}.`,
      );
      continue;
    }
    params[name] = value;
  }
  return params;
}

/** Returns the state a Load lab link describes. Never throws. */
export function decodeLoadLink(input: string): LoadLinkResult {
  const text = input.startsWith('#') ? input.slice(1) : input;
  const first = LOAD_SCENARIOS[0]!;
  if (text === '')
    return { ok: true, state: { scenarioId: first.id, seed: 1, params: {} }, warnings: [] };
  if (text.length > MAX_LENGTH) return { ok: false, error: 'This link is too long.' };
  const fields = new Map<string, string>();
  for (const part of text.split('&')) {
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    if (fields.has(key)) return { ok: false, error: `The field “${key}” appears twice.` };
    fields.set(key, eq < 0 ? '' : part.slice(eq + 1));
  }
  const scenario = findLoadScenario(fields.get('s') ?? first.id);
  if (!scenario)
    return { ok: false, error: 'This link names a load scenario this version does not know.' };
  const warnings: string[] = [];
  const seedText = fields.get('seed') ?? '1';
  const seed = /^\d{1,10}$/.test(seedText) ? Number(seedText) : NaN;
  if (!Number.isSafeInteger(seed) || seed > 0xffff_ffff) {
    return {
      ok: false,
      error: `The seed “${seedText.slice(0, 20)}” is not an integer from 0 to 4,294,967,295.`,
    };
  }
  for (const key of fields.keys()) {
    if (!['s', 'seed', 'm'].includes(key))
      warnings.push(`The link has an unknown field “${key.slice(0, 20)}”; ignored it.`);
  }
  const params = paramsOf(scenario, fields.get('m') ?? '', warnings);
  return { ok: true, state: { scenarioId: scenario.id, seed, params }, warnings };
}
