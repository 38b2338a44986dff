/**
 * One schedule run under two fixes, compared step by step: the step where the runs part and
 * why, told in the scenario's own narrative of that step under each fix. Pure.
 */
import { canonicalJson } from '../engine/canonical';
import type { Trace } from '../engine/replay';
import { enabledSteps } from '../engine/steps';
import type { Message, Model, StepRecord } from '../engine/types';
import { labeller } from './narrate';
import { describeEnabled, describeKey } from './session';
import type { ScenarioDef } from './types';

/** One side of a comparison: a fix and the run of the shared schedule under it. */
export interface RunSide {
  readonly fix: { readonly id: string; readonly label: string };
  readonly model: Model;
  readonly trace: Trace;
  /** The narrative of `trace`, one sentence per step (see `describeStep`). */
  readonly narrative: readonly string[];
}

/**
 * How two runs differ at a step, strongest first: one run cannot take the step, an invariant
 * breaks in one run only, a request is answered differently, or only the details of the
 * messages differ (e.g. a lease number carried along).
 */
export type DifferenceKind = 'stops' | 'violation' | 'outcome' | 'detail';

export interface StepDifference {
  /** Index of the step in the schedule (shown as step `step + 1`). */
  readonly step: number;
  readonly kind: DifferenceKind;
  /** Each side's account of the step. */
  readonly left: string;
  readonly right: string;
  /** Both accounts in one sentence, e.g. `Step 5 — without a fix: …. With Leases: ….` */
  readonly sentence: string;
}

/** An invariant broken at a step (index into the schedule). */
export interface Broken {
  readonly step: number;
  readonly invariant: string;
  readonly message: string;
}

/**
 * What one run comes to: the first broken invariant that is the scenario's harm, the first
 * broken diagnostic (the race window opened), and where the run stops, if it does.
 */
export interface RunSummary {
  readonly harm: Broken | null;
  readonly diagnostic: Broken | null;
  readonly stop: RunStop | null;
}

/** Where a run stops: the first step of the schedule it cannot take, and why, in plain words. */
export interface RunStop {
  readonly step: number;
  /** The step that cannot be taken, as the other run (or the schedule's key) names it. */
  readonly blocked: string;
  /** e.g. `its next step (Task 2 awaits Upstream API.fetch_user(42)) is not possible with …` */
  readonly reason: string;
}

export interface RunComparison {
  /**
   * The step where the runs part in what happens (a run stops, an invariant breaks in one
   * only, a request gets another answer); the first difference of any kind when there is no
   * such step; null when the runs are the same.
   */
  readonly decisive: StepDifference | null;
  /**
   * The first step before `decisive` whose difference shows in the narrative (e.g. a lease
   * granted on a miss), or null.
   */
  readonly earlier: StepDifference | null;
  readonly left: RunSummary;
  readonly right: RunSummary;
  /** The headline: `decisive.sentence`, or a sentence saying that the runs are the same. */
  readonly sentence: string;
}

/** Returns how a fix is named in a sentence: `without a fix` or `with Leases`. Pure. */
export function sideName(fix: RunSide['fix']): string {
  return fix.id === 'none' ? 'without a fix' : `with ${fix.label}`;
}

const capital = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
const trimStop = (text: string): string => text.replace(/[.\s]+$/, '');

function messageKey(m: Message): string {
  return `${m.id}|${m.type}|${canonicalJson(m.payload)}`;
}

/** The replies sent in a step: their types, in order (delivered ones included). */
function replyTypes(record: StepRecord): string {
  const seen = new Set<string>();
  const types: string[] = [];
  for (const m of [...record.delivered, ...record.sent]) {
    if (!m.reply || seen.has(m.id)) continue;
    seen.add(m.id);
    types.push(m.type);
  }
  return types.join(',');
}

function violationsAt(trace: Trace, step: number): string[] {
  const messages: string[] = [];
  for (const v of trace.violations) {
    if (v.step === step && !messages.includes(v.message)) messages.push(v.message);
  }
  return messages;
}

function invariantsAt(trace: Trace, step: number): string {
  return [...new Set(trace.violations.filter((v) => v.step === step).map((v) => v.invariant))]
    .sort()
    .join(',');
}

/** Returns how the two runs differ at `step`, or null when they do the same. Pure. */
export function differenceAt(left: Trace, right: Trace, step: number): DifferenceKind | null {
  const a = left.records[step];
  const b = right.records[step];
  if (!a && !b) return null;
  if (!a || !b) return 'stops';
  if (invariantsAt(left, step) !== invariantsAt(right, step)) return 'violation';
  if (replyTypes(a) !== replyTypes(b)) return 'outcome';
  const same = (x: readonly Message[], y: readonly Message[]) =>
    x.map(messageKey).join('\n') === y.map(messageKey).join('\n');
  if (a.key !== b.key || !same(a.delivered, b.delivered) || !same(a.sent, b.sent)) return 'detail';
  if (violationsAt(left, step).join('\n') !== violationsAt(right, step).join('\n')) return 'detail';
  return null;
}

function firstBroken(trace: Trace, harm: boolean, harms: ReadonlySet<string>): Broken | null {
  let found: Broken | null = null;
  for (const v of trace.violations) {
    if (harms.has(v.invariant) !== harm || (found && found.step <= v.step)) continue;
    found = { step: v.step, invariant: v.invariant, message: v.message };
  }
  return found;
}

/**
 * Returns where `side` stops, naming the blocked step as `other` (the run it is compared with)
 * would take it, when `other` gets that far. Pure.
 */
function stopOf(scenario: ScenarioDef, side: RunSide, other: RunSide | undefined): RunStop | null {
  const d = side.trace.divergence;
  if (!d) return null;
  const world = other?.trace.worlds[d.index];
  const step =
    other && world ? enabledSteps(other.model, world).find((s) => s.key === d.key) : undefined;
  const blocked =
    other && step ? describeEnabled(scenario, other.model, step) : describeKey(side.model, d.key);
  const reason = `its next step (${blocked}) is not possible ${sideName(side.fix)}`;
  return { step: d.index, blocked, reason };
}

/**
 * Returns what a run comes to: its first harm, first diagnostic and where it stops (the step
 * named as `other` takes it). Pure.
 */
export function summarizeRun(scenario: ScenarioDef, side: RunSide, other?: RunSide): RunSummary {
  const harms = new Set(scenario.harm);
  const stop = stopOf(scenario, side, other);
  return {
    harm: firstBroken(side.trace, true, harms),
    diagnostic: firstBroken(side.trace, false, harms),
    stop,
  };
}

/** Replies sent in the step but delivered later (`messages` granularity), in plain words. */
function answers(scenario: ScenarioDef, model: Model, record: StepRecord): string[] {
  const label = labeller(model);
  const delivered = new Set(record.delivered.map((m) => m.id));
  return record.sent
    .filter((m) => m.reply && !delivered.has(m.id))
    .map((m) => {
      const says = scenario.phrases[m.type]?.(m, label) ?? m.type;
      return `${label(m.from)} answers: ${says}`;
    });
}

/** Returns one side's account of `step`: what happened, what it answered, what broke. Pure. */
export function accountOf(
  scenario: ScenarioDef,
  side: RunSide,
  step: number,
  other?: RunSide,
): string {
  const record = side.trace.records[step];
  if (!record) {
    const stop = stopOf(scenario, side, other);
    if (stop && stop.step < step) return `the run stopped at step ${stop.step + 1}`;
    return stop ? `the run stops here: ${stop.reason}` : 'the run has ended';
  }
  const parts = [
    trimStop(side.narrative[step] ?? record.key),
    ...answers(scenario, side.model, record),
  ];
  const broken = violationsAt(side.trace, step);
  const text = parts.join('; ');
  return broken.length > 0 ? `${text} — ${broken.join('; ')}` : text;
}

function describeDifference(
  scenario: ScenarioDef,
  left: RunSide,
  right: RunSide,
  step: number,
  kind: DifferenceKind,
): StepDifference {
  const a = trimStop(accountOf(scenario, left, step, right));
  const b = trimStop(accountOf(scenario, right, step, left));
  const sentence = `Step ${step + 1} — ${sideName(left.fix)}: ${a}. ${capital(sideName(right.fix))}: ${b}.`;
  return { step, kind, left: a, right: b, sentence };
}

/**
 * Compares the runs of one schedule under two fixes: finds the step where they part and names
 * it with each fix's own narrative of that step. Pure.
 */
export function compareRuns(scenario: ScenarioDef, left: RunSide, right: RunSide): RunComparison {
  const steps = Math.max(left.trace.records.length, right.trace.records.length);
  const details: number[] = [];
  let decisive: { step: number; kind: DifferenceKind } | null = null;
  for (let step = 0; step < steps && !decisive; step++) {
    const kind = differenceAt(left.trace, right.trace, step);
    if (kind === 'detail') details.push(step);
    else if (kind !== null) decisive = { step, kind };
  }
  const first = details[0];
  const main = decisive
    ? describeDifference(scenario, left, right, decisive.step, decisive.kind)
    : first !== undefined
      ? describeDifference(scenario, left, right, first, 'detail')
      : null;
  // The first earlier step whose difference shows in the narrative (e.g. a lease granted);
  // one that differs only in fields the narrative does not mention is left out.
  const earlier =
    details
      .filter((step) => main && step < main.step)
      .map((step) => describeDifference(scenario, left, right, step, 'detail'))
      .find((d) => d.left !== d.right) ?? null;
  return {
    decisive: main,
    earlier,
    left: summarizeRun(scenario, left, right),
    right: summarizeRun(scenario, right, left),
    sentence:
      main?.sentence ??
      `The two runs are the same at every step: ${sideName(right.fix)}, this schedule runs exactly as ${sideName(left.fix)}.`,
  };
}
