/** The authored examples (examples/*.yaml), loaded as the app and the CLI load them. */
import { readdirSync, readFileSync } from 'node:fs';
import { formatErrors, loadModel } from '../../src/authoring/load';
import type { ScenarioDef } from '../../src/scenarios/types';

const DIR = new URL('../../examples/', import.meta.url);

/** Returns the example in `file` (under examples/), or throws with its errors. */
export function loadExample(file: string): ScenarioDef {
  const result = loadModel(readFileSync(new URL(file, DIR), 'utf8'));
  if (!result.ok) throw new Error(`${file}: ${formatErrors(result.errors).join('\n')}`);
  return result.scenario;
}

/** Every example, as [file, scenario], in file order. */
export const EXAMPLES: readonly (readonly [string, ScenarioDef])[] = readdirSync(DIR)
  .filter((file) => file.endsWith('.yaml'))
  .sort()
  .map((file) => [file, loadExample(file)] as const);
