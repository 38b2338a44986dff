/**
 * `npm run first-run`: computes the default page's first run (scenario, model, trace, enabled
 * steps, lifeline order) from the machines and writes it to src/store/firstRunData.ts, so the
 * first diagram is drawn before the model has loaded. src/store/firstRun.test.ts fails when it
 * differs from a live run.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { computeFirstRun } from '../src/store/firstRunCompute';

const root = join(import.meta.dirname, '..');
const HEADER = `/**
 * The default page's first run, computed from the machines by \`npm run first-run\`;
 * src/store/firstRun.test.ts fails when it differs from a live run. Do not edit by hand.
 */
import type { FirstRunData } from './firstRun';

export const FIRST_RUN_DATA: FirstRunData = `;
writeFileSync(
  join(root, 'src/store/firstRunData.ts'),
  `${HEADER}${JSON.stringify(computeFirstRun(), null, 2)};\n`,
);
console.log('first run written to src/store/firstRunData.ts');
