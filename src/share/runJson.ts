/**
 * A run as JSON — scenario, fix, parameters, seed, schedule, annotations, and the trace with
 * every step's state; for an authored model, the model's YAML text too, so the run reopens
 * with it — and reading one back (validated with zod/mini, replayed, never trusted). Pure.
 */
import * as z from 'zod/mini';
import type { Trace } from '../engine/replay';
import { replay } from '../engine/replay';
import type { Model } from '../engine/types';
import { findScenario, paramsOf } from '../scenarios/registry';
import { describeStep } from '../scenarios/narrate';
import { buildModel, type PinConfig, type SessionConfig } from '../scenarios/session';
import type { ScenarioDef } from '../scenarios/types';
import { messageLabel } from '../viz/labels';
import {
  MAX_NOTE,
  MAX_NOTES,
  MAX_TITLE,
  NO_ANNOTATIONS,
  withNote,
  withTitle,
  type Annotations,
} from './annotations';
import { MAX_STEPS } from './indices';
import type { ShareState } from './link';

/** What the `format` field of an exported run says, and its version. */
export const RUN_FORMAT = 'interleave-run';
export const RUN_VERSION = 1;
/** Longest model text a run carries: the authoring format's own cap (`LIMITS.text`). */
export const MAX_RUN_MODEL = 16 * 1024;

export interface RunJsonInput {
  readonly scenario: ScenarioDef;
  readonly model: Model;
  readonly config: SessionConfig;
  readonly seed: number;
  readonly trace: Trace;
  readonly cursor: number;
  readonly annotations?: Annotations;
  /** Where the run was pinned, when not under the fix and parameters shown. */
  readonly pinned?: PinConfig;
  /** The YAML text of the authored model the run is of (absent for a built-in). */
  readonly modelText?: string;
}

/** Returns the exported run as a plain JSON value. Pure. */
export function toRunJson(input: RunJsonInput): object {
  const { scenario, model, config, trace } = input;
  const fix = scenario.fixes.find((f) => f.id === config.fix);
  return {
    format: RUN_FORMAT,
    version: RUN_VERSION,
    scenario: { id: scenario.id, title: scenario.title, harm: scenario.harm },
    ...(input.modelText !== undefined ? { model: input.modelText } : {}),
    fix: { id: config.fix, label: fix?.label ?? config.fix },
    granularity: config.granularity,
    params: paramsOf(scenario, config.params),
    seed: input.seed,
    schedule: trace.schedule,
    cursor: Math.min(input.cursor, trace.records.length),
    ...(input.pinned ? { pinned: input.pinned } : {}),
    annotations: input.annotations ?? NO_ANNOTATIONS,
    trace: {
      initial: trace.worlds[0],
      steps: trace.records.map((record, i) => ({
        step: i + 1,
        key: record.key,
        kind: record.kind,
        clock: record.clockAfter,
        narrative: describeStep(scenario, model, record, trace.worlds[i]!, trace.worlds[i + 1]!),
        delivered: record.delivered.map((m) => ({
          from: m.from,
          to: m.to,
          type: m.type,
          label: messageLabel(m),
          reply: m.reply,
          payload: m.payload,
        })),
        dropped: record.dropped.map((m) => ({ from: m.from, to: m.to, type: m.type })),
        violations: trace.violations
          .filter((v) => v.step === i)
          .map((v) => ({
            invariant: v.invariant,
            message: v.message,
            harm: scenario.harm.includes(v.invariant),
          })),
        state: trace.worlds[i + 1],
      })),
      finished: trace.finished,
      divergence: trace.divergence,
    },
  };
}

const id = z.string().check(z.regex(/^[A-Za-z0-9][\w.-]{0,63}$/));
// A built-in's parameter names, or an authored model's ids (lowercase, with dashes).
const params = z.record(z.string().check(z.regex(/^[a-zA-Z][\w-]{0,39}$/)), z.int());
const importSchema = z.object({
  format: z.literal(RUN_FORMAT),
  version: z.int().check(z.minimum(1)),
  scenario: z.object({ id }),
  model: z.optional(z.string().check(z.maxLength(MAX_RUN_MODEL))),
  fix: z.object({ id }),
  granularity: z.enum(['operations', 'messages']),
  params: z.optional(params),
  seed: z.optional(z.int().check(z.minimum(0), z.maximum(0xffff_ffff))),
  schedule: z.array(z.string().check(z.maxLength(200))).check(z.maxLength(MAX_STEPS)),
  cursor: z.optional(z.int().check(z.minimum(0), z.maximum(MAX_STEPS))),
  pinned: z.optional(z.object({ fix: id, params })),
  annotations: z.optional(
    z.object({
      title: z.string().check(z.maxLength(MAX_TITLE * 4)),
      notes: z.record(
        z.string().check(z.regex(/^\d{1,4}$/)),
        z.string().check(z.maxLength(MAX_NOTE * 4)),
      ),
    }),
  ),
});

/**
 * Returns the YAML text of the authored model an exported run carries, or null when it carries
 * none (a built-in's run) or is not a run. Never throws. Pure.
 */
export function runModelText(text: string): string | null {
  try {
    const parsed = importSchema.safeParse(JSON.parse(text));
    return parsed.success ? (parsed.data.model ?? null) : null;
  } catch {
    return null;
  }
}

/**
 * Returns the state an exported run describes, or why it cannot be opened. Never throws. A run
 * that carries its model opens under `modelId`, the id its model was registered under (the
 * same text gets the same id, but a run exported from the command line names the model's own).
 */
export function parseRunJson(text: string, modelId?: string): ShareState | string {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return 'This file is not JSON.';
  }
  const parsed = importSchema.safeParse(json);
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.join('.') || 'file';
    return `This is not an Interleave run (bad "${where}").`;
  }
  const f = parsed.data;
  if (f.version > RUN_VERSION) return `This run was exported by a newer version (v${f.version}).`;
  const scenarioId = f.model !== undefined && modelId !== undefined ? modelId : f.scenario.id;
  const scenario = findScenario(scenarioId);
  if (!scenario && f.model !== undefined)
    return 'This run carries a model that was not opened first.';
  if (!scenario)
    return `This run is of a scenario this version does not know ("${f.scenario.id}").`;
  const known = (fix: string) => scenario.fixes.some((x) => x.id === fix);
  if (!known(f.fix.id)) return `This run uses a fix this version does not know ("${f.fix.id}").`;
  if (f.pinned && !known(f.pinned.fix))
    return `This run was pinned under a fix this version does not know ("${f.pinned.fix}").`;
  const pick = (raw: Record<string, number> | undefined) => {
    const out: Record<string, number> = {};
    for (const def of scenario.params) {
      const value = raw?.[def.id];
      if (value !== undefined && value >= def.min && value <= def.max && value !== def.defaultValue)
        out[def.id] = value;
    }
    return out;
  };
  const config: SessionConfig = {
    scenarioId: scenario.id,
    fix: f.fix.id,
    granularity: f.granularity,
    params: pick(f.params),
  };
  const pinned = f.pinned ? { fix: f.pinned.fix, params: pick(f.pinned.params) } : undefined;
  let trace: Trace;
  try {
    trace = replay(buildModel({ ...config, ...(pinned ?? {}) }), f.schedule);
  } catch {
    return 'This run cannot be replayed here.';
  }
  if (trace.divergence)
    return `This run cannot be followed past step ${trace.divergence.index} here.`;
  let annotations = withTitle(NO_ANNOTATIONS, f.annotations?.title ?? '');
  const notes = Object.entries(f.annotations?.notes ?? {}).slice(0, MAX_NOTES);
  for (const [step, note] of notes) annotations = withNote(annotations, Number(step), note);
  return {
    ...config,
    seed: f.seed ?? 1,
    schedule: trace.schedule,
    cursor: Math.min(f.cursor ?? trace.records.length, trace.records.length),
    ...(pinned ? { pinned } : {}),
    annotations,
  };
}
