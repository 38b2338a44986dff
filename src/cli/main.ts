/**
 * The CLI's process side: the only place in the CLI that touches the process. `npm run
 * interleave` starts it from `src/interleave.ts`, which adds the diagram renderer (SVG export);
 * run directly, it does everything else.
 */
import { readFileSync, statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { LIMITS } from '../authoring/schema';
import { parseCli, printable, UsageError } from './args';
import { runRequest, USAGE, type CliDeps } from './run';

/** Reads `--file`, refusing anything that is not a regular file of a model's size. */
function readModel(path: string): string {
  let stat;
  try {
    stat = statSync(path);
  } catch (error) {
    throw new UsageError(
      `--file ${path}: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}`,
    );
  }
  if (!stat.isFile()) throw new UsageError(`--file ${path}: not a regular file`);
  // UTF-8 takes at most 4 bytes a character; the loader checks the exact character count.
  if (stat.size > LIMITS.text * 4)
    throw new UsageError(
      `--file ${path}: too large (${stat.size} bytes; a model has at most ${LIMITS.text} characters)`,
    );
  return readFileSync(path, 'utf8');
}

/** Runs the command `argv` asks for, writing its output; returns the exit code. */
export function main(argv: readonly string[], deps: CliDeps = {}): number {
  try {
    const request = parseCli(argv);
    const text = request.file === null ? undefined : readModel(request.file);
    const result = runRequest(request, text, deps);
    process.stdout.write(printable(result.stdout));
    process.stderr.write(printable(result.stderr));
    return result.code;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`interleave: ${printable(error.message)}\n\n${USAGE}\n`);
      return 2;
    }
    // Anything else is a fault of ours: say so in one line, without a stack trace.
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`interleave: internal error: ${printable(message)}\n`);
    return 1;
  }
}

const entry = process.argv[1];
if (entry && import.meta.url === pathToFileURL(entry).href) {
  process.exitCode = main(process.argv.slice(2));
}
