/**
 * Runs a Load lab table in a Web Worker: progress, the table, or an error; `cancel` terminates
 * the worker at once (the page never blocks).
 */
import type { LoadTable } from '../../scenarios/load/harness';
import type { LoadRequest, LoadResponse } from '../../workers/loadProtocol';

export interface LoadHandlers {
  progress(done: number): void;
  table(table: LoadTable): void;
  error(message: string): void;
}

let worker: Worker | null = null;
let nextId = 1;

/** Cancels the run in progress, if any. */
export function cancelLoad(): void {
  worker?.terminate();
  worker = null;
}

/** Starts a run (cancelling any other) and reports through `handlers`. */
export function startLoad(request: Omit<LoadRequest, 'id'>, handlers: LoadHandlers): void {
  cancelLoad();
  const id = nextId++;
  const w = new Worker(new URL('../../workers/load.worker.ts', import.meta.url), {
    type: 'module',
  });
  worker = w;
  w.onmessage = (event: MessageEvent<LoadResponse>) => {
    const message = event.data;
    if (message.id !== id || worker !== w) return;
    if (message.type === 'progress') handlers.progress(message.done);
    else if (message.type === 'table') {
      handlers.table(message.table);
      cancelLoad();
    } else {
      handlers.error(message.message);
      cancelLoad();
    }
  };
  w.onerror = (event) => {
    if (worker !== w) return;
    handlers.error(event.message || 'the simulation stopped');
    cancelLoad();
  };
  w.postMessage({ id, ...request } satisfies LoadRequest);
}
