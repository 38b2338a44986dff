/**
 * Reading a share link (`./link` writes them): the text after `#` ⇄ the session, seed, pinned
 * run, cursor, compare view and notes it describes. The schedule's indices are replayed on the
 * model (deterministic) with the shared stepper, whose transitions the page then replays the
 * run with again. Packed fields (`z=`, `a=`) are read by what `./packedFields` holds
 * (fflate's inflate), passed in, so that opening a link without them does not load it. Pure:
 * never touches `window`; `readLink` never throws.
 */
import { sharedStepper } from '../engine/machines';
import { TraceBuilder } from '../engine/replay';
import type { Granularity } from '../engine/types';
import { BUILT_IN_INFO } from '../scenarios/info';
import { findScenario, paramsOf } from '../scenarios/registry';
import { buildModel, defaultFix, type PinConfig, type SessionConfig } from '../scenarios/session';
import type { ScenarioDef } from '../scenarios/types';
import { textToIndices, type Unpacked } from './indexText';
import type { Annotations } from './notes';
import { LINK_VERSION, MAX_LINK_LENGTH, parseLinkFields, parseParams, splitFields } from './schema';

export interface ShareState extends SessionConfig {
  readonly seed: number;
  /** The pinned run; it replays in full under `pinned` (the current fix and params when absent). */
  readonly schedule: readonly string[];
  readonly cursor: number;
  /** Where the run was pinned, when not under the current fix and parameters. */
  readonly pinned?: PinConfig;
  /** The fix drawn beside `fix` in the compare view; absent when the view is closed. */
  readonly compare?: string;
  /** The run's title and step notes (plain text); absent or empty when there are none. */
  readonly annotations?: Annotations;
}

export type DecodeResult =
  | { readonly ok: true; readonly state: ShareState; readonly warnings: readonly string[] }
  | { readonly ok: false; readonly error: string };

/** What reading a link's packed fields takes (`./packedFields`: fflate's inflate). */
export interface PackedFields {
  /** The text of a packed schedule (`z=`), or why there is none. */
  unpack(packed: string): Unpacked;
  /** The notes an `a=` field holds, or an error text. */
  annotations(field: string): Annotations | string;
}

const GRANULARITY: Record<string, Granularity> = { o: 'operations', m: 'messages' };

/**
 * Returns whether the link `input` has packed fields (`z=`, `a=`), which `readLink` reads with
 * `PackedFields`. Pure.
 */
export function hasPackedFields(input: string): boolean {
  const fields = splitFields(input.startsWith('#') ? input.slice(1) : input);
  return typeof fields !== 'string' && (fields.z !== undefined || fields.a !== undefined);
}

function need(packed: PackedFields | null): PackedFields {
  if (!packed) throw new Error('its packed fields cannot be read here');
  return packed;
}

/** Returns `readers:2,ttl:5` for the parameters of `params` that differ from the defaults. */
export function paramsText(
  scenario: ScenarioDef,
  params: Readonly<Record<string, number>>,
): string {
  const defaults = paramsOf(scenario);
  return Object.keys(params)
    .filter((k) => defaults[k] !== undefined && params[k] !== defaults[k])
    .sort()
    .map((k) => `${k}:${params[k]}`)
    .join(',');
}

/**
 * Returns the state a link describes, with warnings for what had to be dropped; `packed` reads
 * its packed fields (a link that has some, read with null, is refused as unreadable: see
 * `hasPackedFields`). Never throws.
 */
export function readLink(input: string, packed: PackedFields | null): DecodeResult {
  try {
    return decodeUnsafe(input, packed);
  } catch (error) {
    return { ok: false, error: `This link could not be read (${String(error)}).` };
  }
}

function decodeUnsafe(input: string, packed: PackedFields | null): DecodeResult {
  const text = input.startsWith('#') ? input.slice(1) : input;
  if (text.length > MAX_LINK_LENGTH)
    return { ok: false, error: 'This link is too long to be an Interleave link.' };
  const fields = splitFields(text);
  if (typeof fields === 'string') return { ok: false, error: `This link is damaged: ${fields}.` };
  const version = fields.v;
  if (version === undefined)
    return { ok: false, error: 'This link is not an Interleave link (no version).' };
  if (/^\d{1,6}$/.test(version) && Number(version) > LINK_VERSION) {
    return {
      ok: false,
      error: `This link was made by a newer version (v${Number(version)}) of Interleave.`,
    };
  }
  const parsed = parseLinkFields(fields);
  if (!parsed.ok)
    return { ok: false, error: `This link is damaged or truncated (bad "${parsed.where}").` };
  const f = parsed.fields;
  const scenario = findScenario(f.s);
  if (!scenario) {
    const cut = BUILT_IN_INFO.some((x) => x.id.startsWith(f.s));
    return {
      ok: false,
      error: cut
        ? 'This link is damaged or truncated (the scenario name is cut short).'
        : `This link names a scenario this version does not know ("${f.s}").`,
    };
  }
  const warnings: string[] = [];
  // A hand-written link may name only the scenario: no fix and operations by default.
  const fix = fixOf(scenario, f.f, defaultFix(scenario), warnings);
  const params = paramsOfLink(scenario, f.m, warnings);
  const pinned: PinConfig = {
    fix: f.pf === undefined ? fix : fixOf(scenario, f.pf, fix, warnings, 'pinned under'),
    params: f.pm === undefined ? params : paramsOfLink(scenario, f.pm, warnings),
  };
  if (f.z !== undefined && f.p !== undefined) {
    warnings.push('The link carries its schedule twice (p= and z=); used the packed one (z=).');
  }
  const unpacked =
    f.z !== undefined ? need(packed).unpack(f.z) : { ok: true as const, text: f.p ?? '' };
  if (!unpacked.ok && unpacked.why === 'too-large') {
    return {
      ok: false,
      error: 'This link is too large: its packed schedule unpacks past the limit.',
    };
  }
  const indices = unpacked.ok ? textToIndices(unpacked.text) : null;
  if (indices === null)
    return { ok: false, error: 'This link is damaged or truncated (bad schedule).' };
  const config: SessionConfig = {
    scenarioId: scenario.id,
    fix,
    granularity: GRANULARITY[f.g ?? 'o'] ?? 'operations',
    params,
  };
  const model = buildModel({ ...config, ...pinned });
  const builder = new TraceBuilder(model, sharedStepper());
  for (const [i, index] of indices.entries()) {
    const step = builder.enabled()[index];
    if (!step) {
      const label = scenario.fixes.find((x) => x.id === pinned.fix)?.label ?? pinned.fix;
      warnings.push(
        `The link's schedule cannot be followed past step ${i} with “${label}”; kept the first ${i} steps.`,
      );
      break;
    }
    builder.take(step.key);
  }
  const schedule = [...builder.schedule];
  const cursor = Math.min(f.c ?? schedule.length, schedule.length);
  let compare: { compare: string } | null = null;
  if (f.cmp !== undefined) {
    if (scenario.fixes.some((x) => x.id === f.cmp)) compare = { compare: f.cmp };
    else
      warnings.push(
        `The link compares with a fix "${f.cmp}" that does not exist here; opened without the comparison.`,
      );
  }
  let annotations: { annotations: Annotations } | null = null;
  if (f.a !== undefined) {
    const decoded = need(packed).annotations(f.a);
    if (typeof decoded === 'string')
      warnings.push(
        `The link's notes could not be read (${decoded}); opened the run without them.`,
      );
    else annotations = { annotations: decoded };
  }
  const state: ShareState = {
    ...config,
    seed: f.seed ?? 1,
    schedule,
    cursor,
    ...compare,
    ...annotations,
  };
  const same =
    pinned.fix === fix && paramsText(scenario, pinned.params) === paramsText(scenario, params);
  return { ok: true, state: same ? state : { ...state, pinned }, warnings };
}

/** Returns the fix a link names, or `fallback` (with a warning naming it) when unknown. */
function fixOf(
  scenario: ScenarioDef,
  id: string | undefined,
  fallback: string,
  warnings: string[],
  role = 'with',
): string {
  if (id === undefined || scenario.fixes.some((x) => x.id === id)) return id ?? fallback;
  const label = scenario.fixes.find((x) => x.id === fallback)?.label ?? fallback;
  warnings.push(`The link's fix "${id}" does not exist here; opened ${role} “${label}”.`);
  return fallback;
}

/** Returns the in-range parameters a link names, with a warning for each out-of-range one. */
function paramsOfLink(
  scenario: ScenarioDef,
  text: string | undefined,
  warnings: string[],
): Record<string, number> {
  const params: Record<string, number> = {};
  const raw = parseParams(text);
  const names = (text ?? '').split(',').map((pair) => pair.split(':')[0] ?? '');
  const seen = new Set<string>();
  for (const name of names) {
    if (name === '') continue;
    if (seen.has(name)) {
      warnings.push(`The link sets “${name}” twice; used the last value.`);
      continue;
    }
    seen.add(name);
    if (!scenario.params.some((def) => def.id === name)) {
      warnings.push(
        `The link sets a parameter “${name}” that “${scenario.title}” does not have; ignored it (known: ${scenario.params.map((p) => p.id).join(', ') || 'none'}).`,
      );
    }
  }
  for (const def of scenario.params) {
    const value = raw[def.id];
    if (value === undefined) continue;
    if (Number.isInteger(value) && value >= def.min && value <= def.max) params[def.id] = value;
    else
      warnings.push(
        `${def.label} ${value} is out of range (${def.min}–${def.max}); using the default.`,
      );
  }
  return params;
}
