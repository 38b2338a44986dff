/**
 * The explore Web Worker: runs exhaustive exploration off the main thread and posts plain
 * JSON results. Cancelling is terminating the worker (the page then starts a fresh one).
 */
import { exploreConfigs } from './exploreRun';
import type { ExploreRequest, ExploreResponse } from './protocol';

const post = (message: ExploreResponse): void => self.postMessage(message);

self.onmessage = (event: MessageEvent<ExploreRequest>) => {
  const { id, configs, timeLimitMs } = event.data;
  try {
    exploreConfigs(
      configs,
      timeLimitMs,
      () => performance.now(),
      (index, config, summary) => post({ id, type: 'result', index, config, summary }),
    );
    post({ id, type: 'done' });
  } catch (error) {
    post({ id, type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
