/**
 * The load Web Worker: runs every fix of a load scenario on one seed off the main thread,
 * posting progress and then the table (figures and series). Cancelling is terminating it.
 */
import { findLoadScenario } from '../scenarios/load/index';
import { runLoad } from '../scenarios/load/harness';
import type { LoadRequest, LoadResponse } from './loadProtocol';

const post = (message: LoadResponse): void => self.postMessage(message);

self.onmessage = (event: MessageEvent<LoadRequest>) => {
  const { id, scenarioId, seed, params } = event.data;
  try {
    const scenario = findLoadScenario(scenarioId);
    if (!scenario) throw new Error(`unknown load scenario "${scenarioId}"`);
    let last = -1;
    const table = runLoad(scenario, {
      seed,
      params,
      progress: (done) => {
        const percent = Math.floor(done * 100);
        if (percent !== last) post({ id, type: 'progress', done: (last = percent) / 100 });
      },
    });
    post({ id, type: 'table', table });
  } catch (error) {
    post({ id, type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
