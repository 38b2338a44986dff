/**
 * Canonical JSON: the same data gives the same string whatever the key insertion order.
 * Pure. Used to de-duplicate worlds and to memoize machine transitions.
 */
import { configure } from 'safe-stable-stringify';

const stringify = configure({ deterministic: true, circularValue: Error, bigint: false });

/** Returns the canonical JSON text of `value` (keys sorted). Pure. */
export function canonicalJson(value: unknown): string {
  const text = stringify(value);
  if (text === undefined) throw new Error('value cannot be serialized');
  return text;
}

const texts = new WeakMap<object, string>();

/**
 * Canonical JSON of an object that is never mutated, cached by identity: worlds share unchanged
 * actor states and messages from step to step, so each is serialized once.
 */
export function frozenJson(value: object): string {
  let text = texts.get(value);
  if (text === undefined) {
    text = canonicalJson(value);
    texts.set(value, text);
  }
  return text;
}
