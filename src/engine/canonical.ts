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
