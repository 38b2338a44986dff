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
function write(key: string, value: unknown, stack: object[]): string | undefined {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
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

function writeObject(key: string, value: object, stack: object[]): string | undefined {
  const toJson = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJson === 'function') {
    const json: unknown = toJson.call(value, key);
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
      text += write(String(i), value[i], stack) ?? 'null';
    }
    text += ']';
  } else {
    text = '{';
    let separator = '';
    for (const name of Object.keys(value).sort()) {
      const item = write(name, (value as Record<string, unknown>)[name], stack);
      if (item === undefined) continue;
      text += `${separator}${JSON.stringify(name)}:${item}`;
      separator = ',';
    }
    text += '}';
  }
  stack.pop();
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
