/**
 * The `load` command: runs a load scenario's fixes on one seed and prints the before/after
 * table (or JSON, one row per fix; or CSV of the table or of its time series). No I/O; pure
 * apart from CPU time.
 */
import { seriesCsv, tableCsv } from '../scenarios/load/csv';
import { runLoad, loadParams, type LoadTable } from '../scenarios/load/harness';
import { findLoadScenario, LOAD_SCENARIOS } from '../scenarios/load/index';
import type { LoadScenarioDef } from '../scenarios/load/types';
import { UsageError, type CliRequest } from './args';
import type { CliOutput } from './run';

function scenarioFor(request: CliRequest): LoadScenarioDef {
  const known = LOAD_SCENARIOS.map((s) => s.id).join(', ');
  if (!request.scenario) throw new UsageError(`load needs a load scenario; known: ${known}`);
  const scenario = findLoadScenario(request.scenario);
  if (!scenario)
    throw new UsageError(`unknown load scenario "${request.scenario}"; known: ${known}`);
  for (const fix of request.fixes ?? []) {
    if (!scenario.fixes.some((f) => f.id === fix))
      throw new UsageError(
        `unknown fix "${fix}" for ${scenario.id}; known: ${scenario.fixes.map((f) => f.id).join(', ')}`,
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
  return scenario;
}

/** Returns the table as JSON-ready data: one row per fix with its figures. Pure. */
export function loadJson(scenario: LoadScenarioDef, table: LoadTable): object {
  const first = table.rows[0];
  return {
    scenario: table.scenario,
    seed: table.seed,
    params: table.params,
    units: Object.fromEntries((first?.figures ?? []).map((f) => [f.id, f.unit])),
    rows: table.rows.map((row) => ({
      fix: row.fix,
      label: scenario.fixes.find((f) => f.id === row.fix)?.label ?? row.fix,
      requests: row.requests,
      figures: Object.fromEntries(row.figures.map((f) => [f.id, f.value])),
    })),
  };
}

/** Returns the table as aligned text lines, with a legend of the columns. Pure. */
export function loadText(scenario: LoadScenarioDef, table: LoadTable): string[] {
  const params = Object.entries(table.params).map(([k, v]) => `${k}=${v}`);
  const first = table.rows[0];
  const columns = (first?.figures ?? []).map((f) => f.id);
  const header = ['fix', 'requests', ...columns];
  const body = table.rows.map((row) => [
    row.fix,
    String(row.requests),
    ...row.figures.map((f) => String(f.value)),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ');
  return [
    `${scenario.id} — ${scenario.title}`,
    `seed ${table.seed} · ${params.join(' ')}`,
    '',
    line(header),
    ...body.map(line),
    '',
    ...(first?.figures ?? []).map((f) => `  ${f.id}: ${f.label} (${f.unit})`),
    ...table.rows.map(
      (row) => `  ${row.fix}: ${scenario.fixes.find((f) => f.id === row.fix)?.summary ?? ''}`,
    ),
  ];
}

/** Runs `load <scenario>` and returns what it prints. */
export function loadCommand(request: CliRequest): CliOutput {
  const scenario = scenarioFor(request);
  const table = runLoad(scenario, {
    ...(request.fixes ? { fixes: request.fixes } : {}),
    seed: request.seed,
    params: loadParams(scenario, request.params),
  });
  if (request.csv || request.series) {
    return { code: 0, stdout: request.series ? seriesCsv(table) : tableCsv(table), stderr: '' };
  }
  const stdout = request.json
    ? JSON.stringify(loadJson(scenario, table), null, 2)
    : loadText(scenario, table).join('\n');
  return { code: 0, stdout: stdout + '\n', stderr: '' };
}
