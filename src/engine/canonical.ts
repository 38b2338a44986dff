/**
 * Canonical JSON: the same data gives the same string whatever the key insertion order.
 * Pure. Used to de-duplicate worlds and to memoize machine transitions. For JSON data (plain
 * objects, arrays, strings, numbers, booleans, null) the text is the one `safe-stable-stringify`
 * gives with sorted keys (test/engine/canonical.test.ts checks it on generated values): keys in
 * code-unit order, `undefined` and functions left out of objects and written `null` in arrays,
 * non-finite numbers `null`, `toJSON` honoured, and a cycle refused.
 */

/** Returns the canonical JSON text of `value` (keys sorted). Pure. */
export function canonicalJson(value: unknown): string {
  const text = write('', value, []);
  if (text === undefined) throw new Error('value cannot be serialized');
  return text;
}

/** The text of `value` (found under `key`), or undefined where JSON has none. */
function write(key: string | number, value: unknown, stack: object[]): string | undefined {
  switch (typeof value) {
    case 'string':
      return quote(value);
    case 'number':
      return Number.isFinite(value) ? String(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      return value === null ? 'null' : writeObject(key, value, stack);
    default:
      return undefined;
  }
}

function writeObject(key: string | number, value: object, stack: object[]): string | undefined {
  const toJson = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJson === 'function') {
    const json: unknown = toJson.call(value, String(key));
    if (typeof json !== 'object' || json === null) return write(key, json, stack);
    value = json;
  }
  if (stack.includes(value)) throw new TypeError('Converting circular structure to JSON');
  stack.push(value);
  let text: string;
  if (Array.isArray(value)) {
    text = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) text += ',';
      text += write(i, value[i], stack) ?? 'null';
    }
    text += ']';
  } else {
    text = '{';
    let separator = '';
    for (const name of sorted(Object.keys(value))) {
      const item = write(name, (value as Record<string, unknown>)[name], stack);
      if (item === undefined) continue;
      text += `${separator}${quote(name)}:${item}`;
      separator = ',';
    }
    text += '}';
  }
  stack.pop();
  return text;
}

/** What JSON escapes in a string (the rest is written as it is). */
// eslint-disable-next-line no-control-regex -- JSON escapes the C0 controls.
const ESCAPED = /[\u0000-\u001f"\\\ud800-\udfff]/;

/** A string as JSON writes it. */
const quote = (text: string): string => (ESCAPED.test(text) ? JSON.stringify(text) : `"${text}"`);

/** `keys` in code-unit order (in place: by insertion, as an object's few keys mostly are). */
function sorted(keys: string[]): string[] {
  if (keys.length > 32) return keys.sort();
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i]!;
    let j = i;
    for (; j > 0 && keys[j - 1]! > key; j--) keys[j] = keys[j - 1]!;
    keys[j] = key;
  }
  return keys;
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
