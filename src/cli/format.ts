/**
 * Turning traces and exploration results into readable text and JSON for the command line.
 * Pure.
 */
import type { ExploreResult } from '../engine/explore';
import { replay, type Trace } from '../engine/replay';
import type { Model } from '../engine/types';
import { criticalReordering, describeStep } from '../scenarios/narrate';
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
  return lines;
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
      `incomplete: stopped (${result.stopped}) after ${result.states} states, ${result.transitions} transitions`,
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
  if (result.shortest) {
    lines.push(`shortest counterexample (${result.shortest.length} steps):`);
    lines.push(...traceLines(scenario, model, replay(model, result.shortest)));
    lines.push(`  schedule: ${result.shortest.join(',')}`);
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
    shortest: result.shortest,
    shortestSteps: trace ? traceLines(scenario, model, trace).map((l) => l.trim()) : null,
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
    divergence: trace.divergence,
    finished: trace.finished,
  };
}
