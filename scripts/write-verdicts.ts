/**
 * `npm run verdicts`: explores every built-in fix's sweep and writes the results to
 * src/scenarios/verdictData.ts and the README's scenario table. A unit test checks both
 * against fresh exploration, so they cannot drift from what the explorer proves.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createStepper } from '../src/engine/machines';
import { computeVerdicts, verdictTable, withTable } from '../src/scenarios/verdictTable';

const root = join(import.meta.dirname, '..');
const started = performance.now();
const verdicts = computeVerdicts(createStepper({ memoize: true }));
const HEADER = `/**
 * The committed verdicts of the built-in fixes at default parameters, keyed by \`verdictKey\`.
 * Written by \`npm run verdicts\` from the explorer's results; src/scenarios/verdicts.test.ts
 * fails when they differ from a fresh exploration. Do not edit by hand.
 */
import type { VerdictSummary } from './judge';

export const COMMITTED_VERDICTS: Readonly<Record<string, VerdictSummary>> = `;
writeFileSync(
  join(root, 'src/scenarios/verdictData.ts'),
  `${HEADER}${JSON.stringify(verdicts, null, 2)};\n`,
);
const readmePath = join(root, 'README.md');
writeFileSync(readmePath, withTable(readFileSync(readmePath, 'utf8'), verdictTable(verdicts)));
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`${Object.keys(verdicts).length} verdicts written in ${seconds} s`);
