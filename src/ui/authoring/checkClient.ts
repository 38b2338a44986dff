/**
 * Talks to the authoring worker: checks a model's text off the main thread. Only the latest
 * check matters; a check that takes too long is stopped (the worker is replaced) and reported
 * as an error rather than left hanging.
 */
import type { CheckRequest, CheckResponse } from '../../workers/authoringProtocol';

/** How long a check may take before it is given up (the format's caps keep it far below). */
const CHECK_TIMEOUT_MS = 10_000;

let worker: Worker | null = null;
let nextId = 1;
let pending: { id: number; resolve: (r: CheckResponse) => void; timer: number } | null = null;

function workerNow(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('../../workers/authoring.worker.ts', import.meta.url), {
    type: 'module',
  });
  worker.onmessage = (event: MessageEvent<CheckResponse>) => {
    if (!pending || event.data.id !== pending.id) return;
    window.clearTimeout(pending.timer);
    const { resolve } = pending;
    pending = null;
    resolve(event.data);
  };
  worker.onerror = (event) => fail(event.message || 'the checker stopped');
  return worker;
}

function fail(message: string): void {
  worker?.terminate();
  worker = null;
  if (!pending) return;
  const { id, resolve, timer } = pending;
  window.clearTimeout(timer);
  pending = null;
  resolve({ id, errors: [{ line: 1, column: 1, path: '', message }], modelId: null, ms: 0 });
}

/**
 * Checks `text` in the worker. A newer check supersedes an older one, whose promise then
 * never settles.
 */
export function checkModel(text: string): Promise<CheckResponse> {
  if (pending) {
    window.clearTimeout(pending.timer);
    pending = null;
  }
  const request: CheckRequest = { id: nextId++, text };
  return new Promise((resolve) => {
    const timer = window.setTimeout(
      () => fail(`checking the model took over ${CHECK_TIMEOUT_MS / 1000} s and was stopped`),
      CHECK_TIMEOUT_MS,
    );
    pending = { id: request.id, resolve, timer };
    workerNow().postMessage(request);
  });
}
