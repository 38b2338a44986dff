/**
 * Parsing the command line into a request. Pure: argv in, request or error out.
 */
import { parseArgs } from 'node:util';
import type { Granularity } from '../engine/types';

export type Command = 'list' | 'explore' | 'run' | 'replay' | 'load' | 'check' | 'export' | 'help';

/** What `export` writes. */
export type ExportFormat = 'svg' | 'mermaid' | 'json';
const FORMATS: readonly ExportFormat[] = ['svg', 'mermaid', 'json'];

export interface CliRequest {
  readonly command: Command;
  readonly scenario: string | null;
  /** An authored model (YAML) to use instead of a built-in scenario. */
  readonly file: string | null;
  readonly fix: string;
  readonly granularity: Granularity;
  readonly json: boolean;
  readonly seed: number;
  readonly schedule: readonly string[] | null;
  readonly params: Readonly<Record<string, number>>;
  /** explore: judge the fix over the scenario's whole sweep of configurations. */
  readonly sweep: boolean;
  /** Caps on swept parameters (`--upto readers=1`). */
  readonly upto: Readonly<Record<string, number>>;
  readonly maxStates: number;
  /** Wall-clock bound of an exploration, in seconds (0 = none). */
  readonly maxSeconds: number;
  readonly maxSteps: number;
  /** load: print the table as CSV (`--csv`), or with `--series`, its time series. */
  readonly csv: boolean;
  readonly series: boolean;
  /** load: the fixes asked for with `--fix a,b,…`, in order; null when --fix is absent. */
  readonly fixes: readonly string[] | null;
  /** export: the format written (svg, mermaid or json). */
  readonly format: ExportFormat;
  /** export: the run's title and step notes (`--note 3=text`). */
  readonly title: string;
  readonly notes: Readonly<Record<string, string>>;
  /** explore: also test with PCT (`--pct`) at `--depth d` over `--runs N` seeded runs. */
  readonly pct: boolean;
  readonly depth: number;
  readonly runs: number;
}

export class UsageError extends Error {}

const COMMANDS: readonly Command[] = [
  'list',
  'explore',
  'run',
  'replay',
  'load',
  'check',
  'export',
  'help',
];

/** The largest seed: seeds are unsigned 32-bit integers. */
export const MAX_SEED = 2 ** 32 - 1;

/**
 * Returns the integer `text` of option `--name`, refusing anything that is not a plain
 * integer between `min` and `max` (however the option was written: `--x N` or `--x=N`).
 */
function integer(
  name: string,
  text: string | undefined,
  fallback: number,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): number {
  if (text === undefined) return fallback;
  const value = /^-?\d{1,16}$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(
      `--${name} expects an integer from ${min.toLocaleString('en')} to ${max.toLocaleString('en')}, got "${printable(text)}"`,
    );
  }
  return value;
}

/**
 * Returns `text` with control characters other than newline and tab shown escaped (`\x1b`),
 * so that echoing user input can never drive the terminal (ANSI/OSC sequences). Pure.
 */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => {
    const code = c.charCodeAt(0).toString(16).padStart(2, '0');
    return `\\x${code}`;
  });
}

function parseParams(pairs: readonly string[], flag = 'param'): Record<string, number> {
  const params: Record<string, number> = {};
  for (const pair of pairs) {
    const match = /^([a-z][\w-]*)=(-?\d+)$/i.exec(pair);
    if (!match?.[1] || match[2] === undefined) {
      throw new UsageError(`--${flag} expects name=integer, got "${pair}"`);
    }
    params[match[1]] = Number(match[2]);
  }
  return params;
}

/** Returns `--note 3=text` options as step number → text. */
function parseNotes(pairs: readonly string[]): Record<string, string> {
  const notes: Record<string, string> = {};
  for (const pair of pairs) {
    const match = /^(\d{1,4})=(.*)$/s.exec(pair);
    if (!match?.[1] || match[2] === undefined || Number(match[1]) < 1) {
      throw new UsageError(`--note expects step=text (step from 1), got "${printable(pair)}"`);
    }
    notes[String(Number(match[1]))] = match[2];
  }
  return notes;
}

/** Splits a schedule given as comma-separated step keys. Pure. */
export function parseSchedule(text: string): string[] {
  return text
    .split(',')
    .map((key) => key.trim())
    .filter((key) => key.length > 0);
}

/** Returns the request `argv` asks for, or throws a UsageError with a clear message. Pure. */
export function parseCli(argv: readonly string[]): CliRequest {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        fix: { type: 'string' },
        file: { type: 'string' },
        granularity: { type: 'string', short: 'g' },
        json: { type: 'boolean' },
        csv: { type: 'boolean' },
        series: { type: 'boolean' },
        seed: { type: 'string' },
        schedule: { type: 'string' },
        param: { type: 'string', multiple: true },
        sweep: { type: 'boolean' },
        upto: { type: 'string', multiple: true },
        'max-states': { type: 'string' },
        'max-seconds': { type: 'string' },
        steps: { type: 'string' },
        format: { type: 'string' },
        title: { type: 'string' },
        note: { type: 'string', multiple: true },
        pct: { type: 'boolean' },
        depth: { type: 'string' },
        runs: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const command = (values.help ? 'help' : (positionals[0] ?? 'help')) as Command;
  if (!COMMANDS.includes(command)) throw new UsageError(`unknown command "${positionals[0]}"`);
  if (positionals.length > 2) throw new UsageError(`unexpected argument "${positionals[2]}"`);
  const granularity = values.granularity ?? 'operations';
  if (granularity !== 'operations' && granularity !== 'messages') {
    throw new UsageError(`--granularity must be "operations" or "messages", got "${granularity}"`);
  }
  if (values.file !== undefined && positionals[1] !== undefined) {
    throw new UsageError(
      `give a scenario or --file, not both (got "${positionals[1]}" and --file ${values.file})`,
    );
  }
  if (command === 'check' && values.file === undefined) {
    throw new UsageError('check needs --file incident.yaml');
  }
  if ((command === 'list' || command === 'load') && values.file !== undefined) {
    throw new UsageError(
      `${command} takes no --file; an authored model works with check, explore, run, replay and export`,
    );
  }
  if (command === 'replay' && values.schedule === undefined) {
    throw new UsageError('replay needs --schedule "key,key,…" (step keys, comma-separated)');
  }
  const format = values.format ?? 'svg';
  if (!FORMATS.includes(format as ExportFormat)) {
    throw new UsageError(`--format must be svg, mermaid or json, got "${printable(format)}"`);
  }
  return {
    command,
    scenario: positionals[1] ?? null,
    file: values.file ?? null,
    fix: values.fix ?? 'none',
    granularity,
    json: values.json ?? false,
    seed: integer('seed', values.seed, 1, 0, MAX_SEED),
    schedule: values.schedule === undefined ? null : parseSchedule(values.schedule),
    params: parseParams(values.param ?? []),
    sweep: values.sweep ?? false,
    upto: parseParams(values.upto ?? [], 'upto'),
    maxStates: integer('max-states', values['max-states'], 2_000_000, 1),
    maxSeconds: integer('max-seconds', values['max-seconds'], 0, 0),
    maxSteps: integer('steps', values.steps, 500, 1, 100_000),
    fixes: values.fix === undefined ? null : parseSchedule(values.fix),
    csv: values.csv ?? false,
    series: values.series ?? false,
    format: format as ExportFormat,
    title: values.title ?? '',
    notes: parseNotes(values.note ?? []),
    pct: values.pct ?? false,
    depth: integer('depth', values.depth, 3, 1, 10),
    runs: integer('runs', values.runs, 1000, 1, 100_000),
  };
}
