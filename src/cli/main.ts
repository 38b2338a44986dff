/**
 * Entry point of `npm run interleave -- …`: the only place in the CLI that touches the process.
 */
import { parseCli, UsageError } from './args';
import { runRequest, USAGE } from './run';

function main(argv: readonly string[]): number {
  try {
    const result = runRequest(parseCli(argv));
    process.stdout.write(result.stdout);
    process.stderr.write(result.stderr);
    return result.code;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`interleave: ${error.message}\n\n${USAGE}\n`);
    return 2;
  }
}

process.exitCode = main(process.argv.slice(2));
