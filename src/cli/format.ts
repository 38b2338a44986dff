/**
 * Turning traces and exploration results into readable text and JSON for the command line.
 * Pure.
 */
import type { ChanceAlong } from '../engine/chance';
import type { ExploreResult } from '../engine/explore';
import { resultCounts } from '../engine/exploreResult';
import { pctRun, type PctReport } from '../engine/pct';
import { replay, type Trace } from '../engine/replay';
import type { Model } from '../engine/types';
import { criticalReordering, describeStep } from '../scenarios/narrate';
import {
  boundaryOf,
  headlineRace,
  summarize,
  verdictLine,
  type FixVerdict,
} from '../scenarios/judge';
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
      .map(
        (v) =>
          `\n       ${scenario.harm.includes(v.invariant) ? '✗ harm' : '· diagnostic'} ${v.invariant}: ${v.message}`,
      );
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
  readonly harm: readonly string[];
  readonly harmful: number;
  readonly holds: boolean;
  readonly text: string;
}

/** Returns whether any interleaving of this one configuration causes the harm, in words. Pure. */
export function verdictOf(scenario: ScenarioDef, result: ExploreResult): Verdict | null {
  if (result.violatingHarm === null) return null;
  const harmful = result.violatingHarm;
  const holds = harmful === 0;
  const over = `(harm: ${scenario.harm.join(', ')})`;
  const text = holds
    ? `✓ no interleaving of this configuration causes harm ${over}; --sweep judges every size`
    : `✗ ${harmful} of ${result.interleavings} interleavings cause harm ${over}`;
  return { harm: scenario.harm, harmful, holds, text };
}

/** Returns figure lines (e.g. a stale window in ticks) of a trace, if the scenario has any. */
function figureLines(scenario: ScenarioDef, trace: Trace): string[] {
  const figures = scenario.figures?.(trace.worlds, trace.records) ?? [];
  return figures.map((f) => `  ${f.label}: ${f.text}`);
}

/** Returns the race to show first (see `headlineRace`), or null when nothing is violated. */
function headlineOf(scenario: ScenarioDef, model: Model, result: ExploreResult) {
  return headlineRace(
    model.invariants.map((i) => i.id),
    scenario.harm,
    result,
  );
}

/** Returns a probability as a percentage with enough digits to tell small ones apart. Pure. */
function chance(p: number): string {
  if (p === 0 || p === 1) return `${p * 100}%`;
  return `${(p * 100).toPrecision(4)}%`;
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
      result.stopped === 'states' && result.stoppedMessage
        ? `incomplete: ${result.stoppedMessage} (--max-states), after ${result.transitions} transitions`
        : `incomplete: stopped at the time limit after ${result.states} states, ${result.transitions} transitions`,
    );
    return lines;
  }
  lines.push(`interleavings: ${result.interleavingsExact ?? result.interleavings}`);
  lines.push(`violating:     ${result.violatingAnyExact ?? result.violatingAny}`);
  for (const invariant of model.invariants) {
    const kind = scenario.harm.includes(invariant.id) ? 'harm' : 'diagnostic';
    const count = result.violatingExact?.[invariant.id] ?? result.violating?.[invariant.id] ?? 0;
    lines.push(`  ${invariant.id.padEnd(24)} ${count}   (${kind}: ${invariant.title})`);
  }
  if (result.harmProbability !== null && scenario.harm.length > 0) {
    lines.push(`random chance: ${chance(result.harmProbability)} of runs end in harm`);
    lines.push('               (each enabled step equally likely)');
    if (result.harmChanceAlong) {
      lines.push('  after each step of the shortest harmful run:');
      lines.push(`  ${result.harmChanceAlong.map(chance).join(' → ')}`);
    }
  }
  lines.push(`states:        ${result.states}`);
  if (result.symmetry.length > 0) {
    lines.push(
      `               (alike actors counted once: ${result.symmetry.map((c) => c.join('~')).join(', ')})`,
    );
  }
  lines.push(`transitions:   ${result.transitions}`);
  const verdict = verdictOf(scenario, result);
  if (verdict) lines.push(`verdict:       ${verdict.text}`);
  const race = headlineOf(scenario, model, result);
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
    ...resultCounts(result),
    harmChanceAlong: result.harmChanceAlong,
    harm: scenario.harm,
    states: result.states,
    transitions: result.transitions,
    symmetry: result.symmetry,
    stoppedMessage: result.stoppedMessage,
    verdict: verdictOf(scenario, result),
    shortest: result.shortest,
    headline: headlineOf(scenario, model, result),
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

/** Returns the human-readable report of a sweep: each configuration, then the verdict. Pure. */
export function sweepText(scenario: ScenarioDef, verdict: FixVerdict): string[] {
  const lines = [`${scenario.id} · fix ${verdict.fix} · ${verdict.granularity} · sweep`];
  for (const o of verdict.explored) {
    const params = scenario.sweep.map((a) => `${a.param}=${o.params[a.param]}`).join(' ');
    lines.push(
      `  ${params.padEnd(28)} ${String(o.harmful).padStart(8)} of ${o.interleavings} interleavings cause harm`,
    );
  }
  lines.push(`verdict: ${verdictLine(scenario, verdict)}`);
  const race = verdict.failing?.race;
  if (race && verdict.failing) {
    const model = scenario.build({
      fix: verdict.fix,
      granularity: verdict.granularity,
      params: verdict.failing.params,
    });
    lines.push(`shortest counterexample at the failing configuration (${race.length} steps):`);
    lines.push(...traceLines(scenario, model, replay(model, race)));
    lines.push(`  schedule: ${race.join(',')}`);
    const flags = Object.entries(verdict.failing.params).map(([k, v]) => `--param ${k}=${v}`);
    lines.push(
      `  open it: npm run interleave -- replay ${scenario.id} --fix ${verdict.fix} ${flags.join(' ')} --schedule "${race.join(',')}"`,
    );
  }
  return lines;
}

/** Returns the JSON object of a sweep (stable field names for scripts). Pure. */
export function sweepJson(scenario: ScenarioDef, verdict: FixVerdict): object {
  return {
    ...summarize(scenario, verdict),
    harm: scenario.harm,
    boundary: boundaryOf(scenario, verdict),
    stopped: verdict.stopped,
    configurations: verdict.explored.map((o) => ({
      params: o.params,
      interleavings: o.interleavings,
      harmful: o.harmful,
      violating: o.violating,
      states: o.states,
    })),
  };
}

/** Returns the lines that report PCT's hit rate next to the uniform random chance. Pure. */
export function pctLines(
  scenario: ScenarioDef,
  model: Model,
  fix: string,
  params: Readonly<Record<string, number>>,
  report: PctReport | null,
  seed: number,
): string[] {
  if (!report) return ['PCT: the model is too large to count its threads and longest run'];
  const lines = [
    `PCT depth ${report.depth} (${report.threads} threads, runs of at most ${report.longest} steps), ` +
      `seeds ${seed}…${seed + report.runs - 1}:`,
    `  ${report.hits.toLocaleString('en')} of ${report.runs.toLocaleString('en')} runs end in harm (${chance(report.rate)})`,
    `  guaranteed at least ${chance(report.bound)} for a race of at most ${report.depth} ordering constraints (1 / (n·k^(d−1)))`,
  ];
  if (report.firstHitSeed !== null) {
    const trace = pctRun(model, {
      depth: report.depth,
      bounds: report,
      seed: report.firstHitSeed,
    });
    const flags = Object.entries(params).map(([k, v]) => ` --param ${k}=${v}`);
    lines.push(
      `  first hit (seed ${report.firstHitSeed}): npm run interleave -- replay ${scenario.id} --fix ${fix} -g ${model.granularity}${flags.join('')} --schedule "${trace.schedule.join(',')}"`,
    );
  }
  return lines;
}

/**
 * Returns the lines that give, after each step of a run, the chance that a random continuation
 * ends in harm, and the point of no return (none when the model has no harm). Pure.
 */
export function chanceLines(along: ChanceAlong | null): string[] {
  if (!along) return [];
  const lines = [
    '  chance a random continuation ends in harm, at the start and after each step:',
    `  ${along.chances.map(chance).join(' → ')}`,
  ];
  const point = along.pointOfNoReturn;
  lines.push(
    point === null
      ? '  no point of no return: harm is never certain along this run'
      : point === 0
        ? '  harm is certain from the start'
        : `  point of no return: after step ${point}, harm is certain`,
  );
  return lines;
}
