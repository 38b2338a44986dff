/**
 * The authoring Web Worker: checks an authored model's YAML text (parse, schema, references,
 * trial builds) off the main thread and posts its errors, or its app id when it loads.
 */
import { authoredIdOf, loadAuthored } from '../share/authored';
import type { CheckRequest, CheckResponse } from './authoringProtocol';

self.onmessage = (event: MessageEvent<CheckRequest>) => {
  const { id, text } = event.data;
  const start = performance.now();
  let response: CheckResponse;
  try {
    const result = loadAuthored(text);
    response = result.ok
      ? { id, errors: [], modelId: authoredIdOf(text), ms: 0 }
      : { id, errors: result.errors, modelId: null, ms: 0 };
  } catch (error) {
    const message = `the model could not be checked: ${error instanceof Error ? error.message : String(error)}`;
    response = { id, errors: [{ line: 1, column: 1, path: '', message }], modelId: null, ms: 0 };
  }
  self.postMessage({ ...response, ms: Math.round(performance.now() - start) });
};
