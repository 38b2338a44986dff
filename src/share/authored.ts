/**
 * An authored model as the app opens it: its YAML text loaded by the authoring format and
 * renamed to an id derived from the text (`authored-…`), so it can never pass for a built-in
 * and the same text always gets the same id (in the page, the worker and a shared link). Pure.
 */
import { formatErrors, loadModel, type AuthoringError } from '../authoring/load';
import { AUTHORED_PREFIX } from '../scenarios/registry';
import type { ScenarioDef } from '../scenarios/types';

export type { AuthoringError };

export type AuthoredResult =
  | { readonly ok: true; readonly scenario: ScenarioDef; readonly text: string }
  | { readonly ok: false; readonly errors: readonly AuthoringError[] };

/** Returns 32 bits of FNV-1a over the UTF-16 code units of `text`, from `seed`. Pure. */
function fnv1a(text: string, seed: number): number {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** Returns the app id of the model with YAML `text`: `authored-` and 64 bits of its hash. Pure. */
export function authoredIdOf(text: string): string {
  const a = fnv1a(text, 0x811c9dc5).toString(36).padStart(7, '0');
  const b = fnv1a(text, 0x9e3779b9).toString(36).padStart(7, '0');
  return `${AUTHORED_PREFIX}${a}${b}`;
}

/**
 * Loads the model in `text` for the app: the compiled scenario under its app id, or the
 * errors (line, column, what was expected). Never throws on bad input. Pure.
 */
export function loadAuthored(text: string): AuthoredResult {
  const result = loadModel(text);
  if (!result.ok) return result;
  return { ok: true, scenario: { ...result.scenario, id: authoredIdOf(text) }, text };
}

/** One line per error, `line:column path: message`. Pure. */
export const errorLines = (errors: readonly AuthoringError[]): string[] => formatErrors(errors);
