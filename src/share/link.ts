/**
 * The versioned share link: session, seed, pinned run, cursor and the compare view ⇄ the text
 * after `#`. Schedules travel as indices into the enabled-step list at each point of the
 * configuration the run was pinned under (so a run that diverges under the fix on screen
 * travels whole), and decoding replays that model (deterministic). Pure: never touches
 * `window`; `decodeLink` never throws.
 */
import { enabledSteps } from '../engine/steps';
import { TraceBuilder } from '../engine/replay';
import { createStepper, type Stepper } from '../engine/machines';
import type { Granularity, Model, World } from '../engine/types';
import { BUILT_IN_INFO } from '../scenarios/info';
import { findScenario, paramsOf } from '../scenarios/registry';
import type { ScenarioDef } from '../scenarios/types';
import { buildModel, defaultFix, type PinConfig, type SessionConfig } from '../scenarios/session';
import { indicesToText, MAX_INDEX, pack, textToIndices, unpackChecked } from './indices';
import {
  decodeAnnotations,
  encodeAnnotations,
  hasAnnotations,
  type Annotations,
} from './annotations';
import {
  LINK_VERSION,
  MAX_LINK_LENGTH,
  NOTES_VERSION,
  parseLinkFields,
  parseParams,
  splitFields,
} from './schema';
import { scenarioIdOfLink } from './address';

export { scenarioIdOfLink };

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

/** A link and whether the run's notes had to be left out of it (too long with them). */
export interface EncodedLink {
  readonly text: string;
  /** Set when the notes were left out: how long the link would have been with them. */
  readonly notesDropped: number | null;
}

export type DecodeResult =
  | { readonly ok: true; readonly state: ShareState; readonly warnings: readonly string[] }
  | { readonly ok: false; readonly error: string };

const GRANULARITY: Record<string, Granularity> = { o: 'operations', m: 'messages' };
const shared: Stepper = createStepper({ memoize: true });

/** Returns the indices of `schedule`'s keys among the enabled steps at each world. Pure. */
function scheduleIndices(
  model: Model,
  schedule: readonly string[],
  worlds?: readonly World[],
): number[] {
  const builder = worlds ? null : new TraceBuilder(model, shared);
  const out: number[] = [];
  for (let i = 0; i < schedule.length; i++) {
    const world = worlds ? worlds[i] : builder?.world;
    if (!world) break;
    const index = enabledSteps(model, world).findIndex((s) => s.key === schedule[i]);
    if (index < 0 || index > MAX_INDEX) break;
    out.push(index);
    if (builder && !builder.take(schedule[i] as string)) break;
  }
  return out;
}

/** Returns `readers:2,ttl:5` for the parameters of `params` that differ from the defaults. */
function paramsText(scenario: ScenarioDef, params: Readonly<Record<string, number>>): string {
  const defaults = paramsOf(scenario);
  return Object.keys(params)
    .filter((k) => defaults[k] !== undefined && params[k] !== defaults[k])
    .sort()
    .map((k) => `${k}:${params[k]}`)
    .join(',');
}

/**
 * Returns the link text (without `#`) for `state`. The schedule is written under the
 * configuration it was pinned under (`state.pinned`, else the one on screen); `worlds` (the
 * worlds of its replay there) saves a replay. Keys that cannot be followed end the encoded
 * schedule. Pure.
 */
export function encodeLink(state: ShareState, worlds?: readonly World[]): string {
  return encodeShare(state, worlds).text;
}

/**
 * Returns the link text (without `#`) for `state`, with its notes (a v3 link) when it has
 * some; when they would make it longer than a link may be (`MAX_LINK_LENGTH`), the link
 * carries the run without them and says how long it would have been. Pure.
 */
export function encodeShare(state: ShareState, worlds?: readonly World[]): EncodedLink {
  const base = encodeBase(state, worlds);
  if (!hasAnnotations(state.annotations)) return { text: base, notesDropped: null };
  const withNotes = `${base.replace(/^v=\d+/, `v=${NOTES_VERSION}`)}&a=${encodeAnnotations(state.annotations)}`;
  if (withNotes.length <= MAX_LINK_LENGTH) return { text: withNotes, notesDropped: null };
  return { text: base, notesDropped: withNotes.length };
}

function encodeBase(state: ShareState, worlds?: readonly World[]): string {
  const scenario = findScenario(state.scenarioId);
  const m = scenario ? paramsText(scenario, state.params) : '';
  const pinned = state.pinned ?? state;
  const pm = scenario ? paramsText(scenario, pinned.params) : '';
  const pin: string[] = [];
  if (pinned.fix !== state.fix) pin.push(`pf=${pinned.fix}`);
  if (pm !== m) pin.push(`pm=${pm}`);
  const compare = scenario?.fixes.some((x) => x.id === state.compare) ? state.compare : null;
  // Links that need no pinned configuration and no comparison stay v1, so earlier versions
  // still open them.
  const version = pin.length > 0 || compare ? 2 : 1;
  const parts = [`v=${version}`, `s=${state.scenarioId}`, `f=${state.fix}`, ...pin];
  parts.push(`g=${state.granularity === 'messages' ? 'm' : 'o'}`, `seed=${state.seed >>> 0}`);
  let indices: number[] = [];
  if (scenario) {
    const model = buildModel({ ...state, fix: pinned.fix, params: pinned.params });
    indices = scheduleIndices(model, state.schedule, worlds);
  }
  parts.push(`c=${Math.min(state.cursor, indices.length)}`);
  const text = indicesToText(indices);
  const packed = pack(text);
  parts.push(packed ? `z=${packed}` : `p=${text}`);
  if (m) parts.push(`m=${m}`);
  if (compare) parts.push(`cmp=${compare}`);
  return parts.join('&');
}

/** Returns the state a link describes, with warnings for what had to be dropped. Never throws. */
export function decodeLink(input: string): DecodeResult {
  try {
    return decodeUnsafe(input);
  } catch (error) {
    return { ok: false, error: `This link could not be read (${String(error)}).` };
  }
}

function decodeUnsafe(input: string): DecodeResult {
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
  const unpacked = f.z !== undefined ? unpackChecked(f.z) : { ok: true as const, text: f.p ?? '' };
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
  const builder = new TraceBuilder(model, shared);
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
    const decoded = decodeAnnotations(f.a);
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
