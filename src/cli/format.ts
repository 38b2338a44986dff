/**
 * Turning traces and exploration results into readable text and JSON for the command line.
 * Pure.
 */
import type { ExploreResult } from '../engine/explore';
import { replay, type Trace } from '../engine/replay';
import type { Model } from '../engine/types';
import { criticalReordering, describeStep } from '../scenarios/narrate';
import { headlineRace, judgedInvariants, judgedViolations } from '../scenarios/judge';
import type { ScenarioDef } from '../scenarios/types';

/** Returns one line per step of `trace` ("  3. t=4  Writer DELetes …  [reader->cache]"). Pure. */
export function traceLines(scenario: ScenarioDef, model: Model, trace: Trace): string[] {
  const lines = trace.records.map((record, i) => {
    const before = trace.worlds[i];
    const after = trace.worlds[i + 1];
    const text =
      before && after ? describeStep(scenario, model, record, before, after) : record.key;
    const marks = trace.violations
      .filter((v) => v.step === i)
      .map((v) => `\n       ✗ ${v.invariant}: ${v.message}`);
    return `  ${String(i + 1).padStart(2)}. t=${String(record.clockAfter).padEnd(3)} ${text}  [${record.key}]${marks.join('')}`;
  });
  const reasons = new Set(trace.violations.map((v) => criticalReordering(trace, v, model)));
  for (const why of reasons) if (why) lines.push(`  → ${why}`);
  if (trace.divergence) {
    const { index, key, enabled } = trace.divergence;
    lines.push(
      `  ! step ${index + 1} "${key}" is not possible here; enabled: ${enabled.join(', ') || 'none'}`,
    );
  }
  if (trace.violations.length === 0) lines.push('  no invariant violated');
  lines.push(...figureLines(scenario, trace));
  return lines;
}

interface Verdict {
  readonly judgedBy: readonly string[];
  readonly violations: number;
  readonly holds: boolean;
  readonly text: string;
}

/** Returns whether the fix held for what it claims to prevent, in words. Pure. */
export function verdictOf(
  scenario: ScenarioDef,
  fixId: string,
  result: ExploreResult,
): Verdict | null {
  const fix = scenario.fixes.find((f) => f.id === fixId);
  if (!fix || !result.violating) return null;
  const judgedBy = judgedInvariants(fix, result.violating);
  const violations = judgedViolations(fix, result.violating);
  const holds = violations === 0;
  const over = `(judged by ${judgedBy.join(', ')})`;
  const text =
    fixId === 'none'
      ? holds
        ? `no race found ${over}`
        : `race found ${over}`
      : holds
        ? `✓ the fix holds in every interleaving ${over}`
        : `✗ the race is still found ${over}`;
  return { judgedBy, violations, holds, text };
}

/** Returns figure lines (e.g. a stale window in ticks) of a trace, if the scenario has any. */
function figureLines(scenario: ScenarioDef, trace: Trace): string[] {
  const figures = scenario.figures?.(trace.worlds, trace.records) ?? [];
  return figures.map((f) => `  ${f.label}: ${f.text}`);
}

/** Returns the race to show first (see `headlineRace`), or null when nothing is violated. */
function headlineOf(scenario: ScenarioDef, model: Model, fixId: string, result: ExploreResult) {
  const fix = scenario.fixes.find((f) => f.id === fixId);
  if (!fix) return null;
  return headlineRace(
    model.invariants.map((i) => i.id),
    fix,
    result,
  );
}

/** Returns the human-readable report of an exploration. Pure. */
export function exploreText(
  scenario: ScenarioDef,
  model: Model,
  fix: string,
  result: ExploreResult,
): string[] {
  const lines = [`${scenario.id} · fix ${fix} · ${model.granularity}`];
  if (!result.complete) {
    lines.push(
      `incomplete: stopped at the ${result.stopped === 'states' ? 'state' : 'time'} limit after ${result.states} states, ${result.transitions} transitions`,
    );
    return lines;
  }
  lines.push(`interleavings: ${result.interleavings}`);
  lines.push(`violating:     ${result.violatingAny}`);
  for (const invariant of model.invariants) {
    lines.push(
      `  ${invariant.id.padEnd(24)} ${result.violating?.[invariant.id] ?? 0}   (${invariant.title})`,
    );
  }
  lines.push(`states:        ${result.states}`);
  lines.push(`transitions:   ${result.transitions}`);
  const verdict = verdictOf(scenario, fix, result);
  if (verdict) lines.push(`verdict:       ${verdict.text}`);
  const race = headlineOf(scenario, model, fix, result);
  if (race) {
    lines.push(
      `shortest counterexample (${race.schedule.length} steps, breaking ${race.invariant}):`,
    );
    const trace = replay(model, race.schedule);
    lines.push(...traceLines(scenario, model, trace));
    lines.push(`  schedule: ${race.schedule.join(',')}`);
  } else {
    lines.push('no interleaving violates any invariant');
  }
  return lines;
}

/** Returns the JSON object of an exploration (stable field names for scripts). Pure. */
export function exploreJson(
  scenario: ScenarioDef,
  model: Model,
  fix: string,
  result: ExploreResult,
): object {
  const trace = result.shortest ? replay(model, result.shortest) : null;
  return {
    scenario: scenario.id,
    fix,
    granularity: model.granularity,
    complete: result.complete,
    interleavings: result.interleavings,
    violating: result.violating,
    violatingAny: result.violatingAny,
    states: result.states,
    transitions: result.transitions,
    verdict: verdictOf(scenario, fix, result),
    shortest: result.shortest,
    headline: headlineOf(scenario, model, fix, result),
    shortestSteps: trace ? traceLines(scenario, model, trace).map((l) => l.trim()) : null,
    figures: trace ? (scenario.figures?.(trace.worlds, trace.records) ?? []) : [],
  };
}

/** Returns the JSON object of a trace. Pure. */
export function traceJson(scenario: ScenarioDef, model: Model, trace: Trace): object {
  return {
    scenario: scenario.id,
    granularity: model.granularity,
    schedule: trace.schedule,
    steps: trace.records.map((record, i) => ({
      key: record.key,
      clock: record.clockAfter,
      text: describeStep(
        scenario,
        model,
        record,
        trace.worlds[i] as never,
        trace.worlds[i + 1] as never,
      ),
    })),
    violations: trace.violations,
    figures: scenario.figures?.(trace.worlds, trace.records) ?? [],
    divergence: trace.divergence,
    finished: trace.finished,
  };
}
