/**
 * Entry point of `npm run interleave -- …`: the only place in the CLI that touches the process.
 */
import { parseCli, printable, UsageError } from './args';
import { runRequest, USAGE } from './run';

function main(argv: readonly string[]): number {
  try {
    const result = runRequest(parseCli(argv));
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

process.exitCode = main(process.argv.slice(2));
