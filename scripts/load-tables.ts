/**
 * Writes every load scenario's full table (every fix, figures, series, request and event
 * counts) for seeds 1 and 2 as JSON, one table per line, to the file given (or stdout); with
 * `--check FILE` compares against a file written earlier and exits 1 on any byte difference.
 * Run before and after a change to the load simulation: its figures must stay byte-identical.
 * Usage: npx tsx scripts/load-tables.ts [OUT] | npx tsx scripts/load-tables.ts --check FILE
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { runLoad } from '../src/scenarios/load/harness';
import { LOAD_SCENARIOS } from '../src/scenarios/load/index';

const SEEDS = [1, 2];

const lines: string[] = [];
for (const scenario of LOAD_SCENARIOS) {
  for (const seed of SEEDS) lines.push(JSON.stringify(runLoad(scenario, { seed })));
}
const text = `${lines.join('\n')}\n`;

const checkAt = process.argv.indexOf('--check');
if (checkAt >= 0) {
  const file = process.argv[checkAt + 1];
  if (!file) throw new Error('--check needs a file');
  const before = readFileSync(file, 'utf8');
  if (before === text) {
    console.log(`identical: ${lines.length} tables, ${text.length} bytes`);
  } else {
    const old = before.split('\n');
    const differing = lines.flatMap((line, i) => (line === old[i] ? [] : [i]));
    for (const i of differing) {
      const table = JSON.parse(lines[i] as string) as { scenario: string; seed: number };
      console.log(`differs: ${table.scenario} seed ${table.seed}`);
    }
    console.log(`DIFFERENT: ${differing.length} of ${lines.length} tables`);
    process.exitCode = 1;
  }
} else if (process.argv[2]) {
  writeFileSync(process.argv[2], text);
  console.log(`wrote ${lines.length} tables, ${text.length} bytes to ${process.argv[2]}`);
} else {
  process.stdout.write(text);
}
