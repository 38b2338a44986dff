/**
 * The versioned share link: session, seed, pinned run, cursor and the compare view ⇄ the text
 * after `#`. Schedules travel as indices into the enabled-step list at each point of the
 * configuration the run was pinned under (so a run that diverges under the fix on screen
 * travels whole), and decoding replays that model (deterministic; reading is in `./linkRead`).
 * Pure: never touches `window`; `decodeLink` never throws.
 */
import { sharedStepper } from '../engine/machines';
import { enabledSteps } from '../engine/steps';
import { TraceBuilder } from '../engine/replay';
import type { Model, World } from '../engine/types';
import { findScenario } from '../scenarios/registry';
import { buildModel } from '../scenarios/session';
import { encodeAnnotations, hasAnnotations } from './annotations';
import { indicesToText, MAX_INDEX, pack } from './indices';
import { paramsText, readLink, type DecodeResult, type ShareState } from './linkRead';
import { PACKED_FIELDS } from './packedFields';
import { MAX_LINK_LENGTH, NOTES_VERSION } from './schema';
import { scenarioIdOfLink } from './address';

export { scenarioIdOfLink };
export type { DecodeResult, ShareState };

/** A link and whether the run's notes had to be left out of it (too long with them). */
export interface EncodedLink {
  readonly text: string;
  /** Set when the notes were left out: how long the link would have been with them. */
  readonly notesDropped: number | null;
}

/** Returns the indices of `schedule`'s keys among the enabled steps at each world. Pure. */
function scheduleIndices(
  model: Model,
  schedule: readonly string[],
  worlds?: readonly World[],
): number[] {
  const builder = worlds ? null : new TraceBuilder(model, sharedStepper());
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
  return readLink(input, PACKED_FIELDS);
}
