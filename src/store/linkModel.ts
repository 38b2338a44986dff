/**
 * The model for a page opened on a link (main.tsx): a link to a built-in other than the default
 * one installs the model alone (`./liveModel`), without the default scenario, which is loaded
 * when asked for (a refused link, the picker, the idle load of every built-in; see
 * scenarios/catalog.ts). Any other link (the default scenario's, an authored model's, an
 * unknown scenario's, which opens the default one) loads the model as the default page does.
 */
import { DEFAULT_SCENARIO } from '../scenarios/ids';
import { BUILT_IN_INFO } from '../scenarios/info';
import { installModel, loadModel, modelNow, type LiveModel } from './model';

/** Loads and installs the model a link to `scenario` is opened with, and returns it. */
export async function loadModelFor(scenario: string): Promise<LiveModel> {
  const now = modelNow();
  if (now) return now;
  if (scenario === DEFAULT_SCENARIO || !BUILT_IN_INFO.some((s) => s.id === scenario))
    return loadModel();
  const { LIVE } = await import('./liveModel');
  installModel(LIVE);
  return LIVE;
}
