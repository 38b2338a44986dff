/**
 * The explore Web Worker: runs exhaustive exploration and verdict sweeps off the main thread
 * and posts plain JSON results. Cancelling is terminating the worker (the page then starts a
 * fresh one). An authored model travels as its YAML text and is compiled here.
 */
import { ensureModel } from './authoredModels';
import { chanceOf, exploreConfigs, sweepFixes } from './exploreRun';
import { findAndCount } from './findRun';
import type { ExploreResponse, WorkerRequest } from './protocol';

const post = (message: ExploreResponse): void => self.postMessage(message);
const now = () => performance.now();

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  const { id } = request;
  try {
    if (request.model) ensureModel(request.model);
    if (request.type === 'chance') {
      post({ id, type: 'chance', ...chanceOf(request) });
    } else if (request.type === 'find') {
      const { config } = request;
      findAndCount(
        config,
        request.timeLimitMs,
        now,
        {
          race: (race) => post({ id, type: 'race', config, race }),
          progress: (phase, transitions, ms) =>
            post({ id, type: 'find-progress', phase, transitions, ms }),
          result: (summary) => post({ id, type: 'result', index: 0, config, summary }),
        },
        request.maxStates,
      );
    } else if (request.type === 'sweep') {
      sweepFixes(request, now, {
        progress: (fixIndex, config, configs) =>
          post({ id, type: 'sweep-progress', fixIndex, config, configs }),
        verdict: (fixIndex, key, summary) => post({ id, type: 'verdict', fixIndex, key, summary }),
      });
    } else {
      exploreConfigs(
        request.configs,
        request.timeLimitMs,
        now,
        (index, config, summary) => post({ id, type: 'result', index, config, summary }),
        request.maxStates,
      );
    }
    post({ id, type: 'done' });
  } catch (error) {
    post({ id, type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
