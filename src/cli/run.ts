/**
 * Carrying out a parsed command. Returns the exit code and the text to print; does no I/O
 * itself, so it is testable in-process.
 */
import { formatErrors, loadModel } from '../authoring/load';
import { explore } from '../engine/explore';
import { harmChanceAlong } from '../engine/chance';
import { pctHitRate } from '../engine/pct';
import { randomWalk } from '../engine/random';
import { replay, type Trace } from '../engine/replay';
import { findScenario, paramsOf, SCENARIOS } from '../scenarios/index';
import { headlineRace, judgeFix } from '../scenarios/judge';
import type { ScenarioDef } from '../scenarios/types';
import { cachedVerdict } from '../scenarios/verdicts';
import type { Granularity, Model } from '../engine/types';
import { NO_ANNOTATIONS, withNote, withTitle } from '../share/annotations';
import { toMermaid } from '../share/mermaid';
import { toRunJson } from '../share/runJson';
import { LOAD_SCENARIOS } from '../scenarios/load/index';
import { UsageError, type CliRequest } from './args';
import { loadCommand } from './load';
import {
  chanceLines,
  exploreJson,
  exploreText,
  pctLines,
  sweepJson,
  sweepText,
  traceJson,
  traceLines,
} from './format';

export const USAGE = `Usage: npm run interleave -- <command> [scenario] [options]

Commands:
  list                         scenarios, their fixes and each fix's verdict (from exploration)
  check --file <model.yaml>    validate an authored model: ok, or its errors as line:column
  explore <scenario>           every interleaving: counts, violations, shortest counterexample
  run <scenario> --seed N      one seeded random schedule, as readable steps
  replay <scenario> --schedule "k1,k2,…"   a given schedule (step keys), as readable steps
  export <scenario> [--schedule "k1,k2,…"] --format svg|mermaid|json
                               a run (default: the shortest race under the fix) as a
                               self-contained SVG, Mermaid sequenceDiagram text or JSON
                               with every step's state; --title T, --note 3="text"
  load <scenario> [--fix a,b,…]   timed load runs, one per fix on the same seed: the
                               before/after table (--seed N, --param name=N, --json;
                               --csv the table, --series its time series as CSV)
                               load scenarios: ${LOAD_SCENARIOS.map((s) => s.id).join(', ')}

Options:
  --file <model.yaml>          explore, run, replay or export an authored model instead of a
                               scenario (see docs/authoring.md)
  --fix <id>                   fix to apply (default none; see list)
  --granularity, -g <g>        operations (a call is one step; default) or messages
  --param name=N               scenario parameter, repeatable (e.g. --param readers=2)
  --sweep                      explore: judge the fix over every configuration of the scenario's
                               sweep, smallest first; ✓ holds up to … or ✗ fails at …
  --upto name=N                explore --sweep: cap a swept parameter (e.g. --upto readers=1)
  --json                       machine-readable output
  --pct                        explore: also run the PCT scheduler (priority-based, --depth d,
                               default 3) over --runs N seeded runs (default 1000, from --seed)
                               and print its hit rate and guaranteed lower bound
  --seed N  --steps N
  --max-states N  --max-seconds N   bound an exploration; it then reports itself incomplete`;

/** What the CLI needs from above its layer: the diagram renderer, for `export --format svg`. */
export interface CliDeps {
  readonly renderSvg?: (input: {
    readonly scenario: ScenarioDef;
    readonly model: Model;
    readonly trace: Trace;
    readonly title?: string;
    readonly notes?: Readonly<Record<string, string>>;
  }) => string;
}

export interface CliOutput {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** A model that did not load: its errors, one per line, and exit code 2. */
class ModelError extends Error {
  constructor(readonly lines: readonly string[]) {
    super(lines.join('\n'));
  }
}

function authoredScenario(request: CliRequest, text: string | undefined): ScenarioDef {
  if (text === undefined) throw new UsageError(`--file ${request.file}: no text was read`);
  const result = loadModel(text);
  if (!result.ok) throw new ModelError(formatErrors(result.errors, request.file ?? ''));
  return result.scenario;
}

function scenarioFor(request: CliRequest, text: string | undefined): ScenarioDef {
  let scenario: ScenarioDef | null;
  if (request.file !== null) scenario = authoredScenario(request, text);
  else {
    if (!request.scenario)
      throw new UsageError(`${request.command} needs a scenario or --file; try "list"`);
    scenario = findScenario(request.scenario);
  }
  if (!scenario) {
    throw new UsageError(
      `unknown scenario "${request.scenario}"; known: ${SCENARIOS.map((s) => s.id).join(', ')}`,
    );
  }
  if (!scenario.fixes.some((f) => f.id === request.fix)) {
    throw new UsageError(
      `unknown fix "${request.fix}" for ${scenario.id}; known: ${scenario.fixes.map((f) => f.id).join(', ')}`,
    );
  }
  for (const [name, value] of Object.entries(request.params)) {
    const def = scenario.params.find((p) => p.id === name);
    if (!def)
      throw new UsageError(
        `unknown parameter "${name}" for ${scenario.id}; known: ${scenario.params.map((p) => p.id).join(', ')}`,
      );
    if (value < def.min || value > def.max)
      throw new UsageError(`--param ${name} must be between ${def.min} and ${def.max}`);
  }
  for (const name of Object.keys(request.upto)) {
    if (!scenario.sweep.some((axis) => axis.param === name))
      throw new UsageError(
        `--upto ${name}: not swept in ${scenario.id}; swept: ${scenario.sweep.map((a) => a.param).join(', ') || 'none'}`,
      );
  }
  return scenario;
}

function listText(granularity: Granularity): string[] {
  const lines: string[] = [
    `verdicts at default parameters, ${granularity} (explore --sweep judges others)`,
  ];
  for (const s of SCENARIOS) {
    lines.push(`${s.id} — ${s.title}`, `  ${s.story}`, `  harm: ${s.harm.join(', ')}`);
    for (const f of s.fixes) {
      const verdict = cachedVerdict(s.id, f.id, granularity);
      lines.push(`    --fix ${f.id.padEnd(22)} ${f.label}: ${f.summary}`);
      lines.push(`      ${verdict?.line ?? '? not judged yet: run npm run verdicts'}`);
    }
    if (s.params.length > 0)
      lines.push(`    params: ${s.params.map((p) => `${p.id}=${p.defaultValue}`).join(' ')}`);
    if (s.sweep.length > 0) lines.push(`    sweep: ${s.sweep.map((a) => a.param).join(', ')}`);
  }
  return lines;
}

function listJson(): object {
  return SCENARIOS.map((s) => ({
    id: s.id,
    title: s.title,
    story: s.story,
    harm: s.harm,
    sweep: s.sweep.map((a) => ({ param: a.param, values: a.values(paramsOf(s)) })),
    fixes: s.fixes.map((f) => ({
      id: f.id,
      label: f.label,
      summary: f.summary,
      verdicts: {
        operations: cachedVerdict(s.id, f.id, 'operations'),
        messages: cachedVerdict(s.id, f.id, 'messages'),
      },
    })),
    params: s.params,
  }));
}

/** `check`: whether an authored model loads, and what it declares. */
function checkModel(request: CliRequest, text: string | undefined): CliOutput {
  const scenario = authoredScenario(request, text);
  const lines = [
    `${request.file}: ok — ${scenario.id} (${scenario.title})`,
    `  fixes: ${scenario.fixes.map((f) => f.id).join(', ')}`,
    `  harm: ${scenario.harm.join(', ')}`,
    `  params: ${scenario.params.map((p) => `${p.id}=${p.defaultValue}`).join(' ') || 'none'}`,
    `  sweep: ${scenario.sweep.map((a) => a.param).join(', ') || 'none'}`,
  ];
  const json = {
    ok: true,
    id: scenario.id,
    fixes: scenario.fixes.map((f) => f.id),
    harm: scenario.harm,
  };
  return {
    code: 0,
    stdout: (request.json ? JSON.stringify(json, null, 2) : lines.join('\n')) + '\n',
    stderr: '',
  };
}

/** Returns the run `export` writes: the given schedule, else the shortest race under the fix. */
function exportTrace(scenario: ScenarioDef, model: Model, request: CliRequest): Trace {
  if (request.schedule) return replay(model, request.schedule);
  const result = explore(model, { harm: scenario.harm, maxStates: request.maxStates });
  const race = headlineRace(
    model.invariants.map((i) => i.id),
    scenario.harm,
    result,
  );
  return replay(model, race?.schedule ?? []);
}

function exportRun(
  scenario: ScenarioDef,
  model: Model,
  request: CliRequest,
  deps: CliDeps,
  modelText?: string,
): CliOutput {
  const trace = exportTrace(scenario, model, request);
  let annotations = withTitle(NO_ANNOTATIONS, request.title);
  for (const [step, text] of Object.entries(request.notes))
    annotations = withNote(annotations, Number(step), text);
  const fixLabel = scenario.fixes.find((f) => f.id === request.fix)?.label ?? request.fix;
  const config = {
    scenarioId: scenario.id,
    fix: request.fix,
    granularity: request.granularity,
    params: request.params,
  };
  let stdout: string;
  if (request.format === 'json') {
    const json = toRunJson({
      scenario,
      model,
      config,
      seed: request.seed,
      trace,
      cursor: trace.records.length,
      annotations,
      ...(modelText !== undefined ? { modelText } : {}),
    });
    stdout = JSON.stringify(json, null, 2) + '\n';
  } else if (request.format === 'mermaid') {
    stdout = toMermaid({ scenario, model, trace, fixLabel, annotations });
  } else {
    if (!deps.renderSvg)
      throw new UsageError('svg export needs the diagram renderer: run it as npm run interleave');
    stdout = deps.renderSvg({
      scenario,
      model,
      trace,
      title: `${annotations.title || scenario.title} (${fixLabel})`,
      notes: annotations.notes,
    });
  }
  const stderr = trace.divergence
    ? `interleave: step ${trace.divergence.index + 1} "${trace.divergence.key}" is not possible here; exported the first ${trace.divergence.index} steps\n`
    : '';
  return { code: trace.divergence ? 1 : 0, stdout, stderr };
}

/**
 * Returns what the command prints and its exit code. `text` is the content of `--file`, read by
 * the caller; `deps` what the layers above provide (the SVG renderer). Pure apart from CPU time.
 */
export function runRequest(request: CliRequest, text?: string, deps: CliDeps = {}): CliOutput {
  try {
    return runChecked(request, text, deps);
  } catch (error) {
    if (!(error instanceof ModelError)) throw error;
    const stderr = `${error.lines.join('\n')}\n`;
    const stdout = request.json
      ? `${JSON.stringify({ ok: false, errors: error.lines }, null, 2)}\n`
      : '';
    return { code: 2, stdout, stderr };
  }
}

function runChecked(request: CliRequest, text: string | undefined, deps: CliDeps): CliOutput {
  const out = (value: string[] | object): CliOutput => ({
    code: 0,
    stdout: (request.json ? JSON.stringify(value, null, 2) : (value as string[]).join('\n')) + '\n',
    stderr: '',
  });
  if (request.command === 'help') return out([USAGE]);
  if (request.command === 'load') return loadCommand(request);
  if (request.command === 'list') {
    return out(request.json ? listJson() : listText(request.granularity));
  }
  if (request.command === 'check') return checkModel(request, text);
  const scenario = scenarioFor(request, text);
  const model = scenario.build({
    fix: request.fix,
    granularity: request.granularity,
    params: paramsOf(scenario, request.params),
  });
  if (request.command === 'export') {
    // A run of an authored model carries the model, so the app reopens it.
    const modelText = request.file !== null ? text : undefined;
    return exportRun(scenario, model, request, deps, modelText);
  }
  if (request.command === 'explore' && request.sweep) {
    const deadline = performance.now() + request.maxSeconds * 1000;
    const verdict = judgeFix(scenario, request.fix, request.granularity, request.params, {
      maxStates: request.maxStates,
      upto: request.upto,
      ...(request.maxSeconds > 0 ? { shouldStop: () => performance.now() > deadline } : {}),
    });
    return out(request.json ? sweepJson(scenario, verdict) : sweepText(scenario, verdict));
  }
  if (request.command === 'explore') {
    const deadline = performance.now() + request.maxSeconds * 1000;
    const result = explore(model, {
      harm: scenario.harm,
      maxStates: request.maxStates,
      ...(request.maxSeconds > 0 ? { shouldStop: () => performance.now() > deadline } : {}),
    });
    const params = paramsOf(scenario, request.params);
    const pct = request.pct
      ? pctHitRate(model, scenario.harm, {
          depth: request.depth,
          runs: request.runs,
          seed: request.seed,
          maxStates: request.maxStates,
        })
      : undefined;
    if (request.json) {
      const json = exploreJson(scenario, model, request.fix, result);
      return out(pct === undefined ? json : { ...json, pct });
    }
    const lines = exploreText(scenario, model, request.fix, result);
    if (pct !== undefined)
      lines.push(...pctLines(scenario, model, request.fix, params, pct, request.seed));
    return out(lines);
  }
  const trace =
    request.command === 'run'
      ? randomWalk(model, request.seed, request.maxSteps)
      : replay(model, request.schedule ?? []);
  const along =
    scenario.harm.length > 0
      ? harmChanceAlong(model, trace.schedule, scenario.harm, { maxStates: request.maxStates })
      : null;
  if (request.json) {
    const json = out({
      ...traceJson(scenario, model, trace),
      harmChanceAlong: along?.chances ?? null,
      pointOfNoReturn: along?.pointOfNoReturn ?? null,
    });
    return trace.divergence ? { ...json, code: 1 } : json;
  }
  const head =
    `${scenario.id} · fix ${request.fix} · ${model.granularity}` +
    (request.command === 'run' ? ` · seed ${request.seed}` : '');
  const result = out([
    head,
    ...traceLines(scenario, model, trace),
    `  schedule: ${trace.schedule.join(',')}`,
    ...chanceLines(along),
  ]);
  return trace.divergence ? { ...result, code: 1 } : result;
}
