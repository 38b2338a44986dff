/**
 * Parameter references inside a model: `$name` stands for a parameter's value, `$$…` for a
 * literal `$…`, and `{ $param: name, map: {…}, else: … }` looks a value up. Labels may quote
 * `{name}`. Pure; nothing is evaluated beyond these lookups.
 */
import type { Json } from '../engine/types';

export type Params = Readonly<Record<string, number>>;

const REF = /^\$([a-z][\w-]*)$/i;

/** Returns the parameter `text` refers to (`$name`), or null. Pure. */
export function refName(text: string): string | null {
  return REF.exec(text)?.[1] ?? null;
}

/** Whether `value` is a `{ $param: … }` lookup. */
export function isLookup(value: unknown): value is { $param: string; map?: object; else?: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && '$param' in value;
}

/** Returns `value` with every parameter reference replaced by its value. Pure. */
export function resolve(value: unknown, params: Params): Json {
  if (typeof value === 'string') {
    const name = refName(value);
    if (name !== null) {
      const v = params[name];
      if (v === undefined) throw new Error(`unknown parameter $${name}`);
      return v;
    }
    return value.startsWith('$$') ? value.slice(1) : value;
  }
  if (Array.isArray(value)) return value.map((v) => resolve(v, params));
  if (isLookup(value)) {
    const v = params[value.$param];
    if (v === undefined) throw new Error(`unknown parameter $${value.$param}`);
    const map = (value.map ?? {}) as Record<string, unknown>;
    if (Object.hasOwn(map, String(v))) return resolve(map[String(v)], params);
    return value.else === undefined ? v : resolve(value.else, params);
  }
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, Json> = {};
    for (const [k, v] of Object.entries(value)) out[k] = resolve(v, params);
    return out;
  }
  return value as Json;
}

/** Every parameter a value refers to, with the path at which it does. Pure. */
export function refsIn(
  value: unknown,
  path: readonly (string | number)[] = [],
): { name: string; path: (string | number)[] }[] {
  if (typeof value === 'string') {
    const name = refName(value);
    return name === null ? [] : [{ name, path: [...path] }];
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => refsIn(v, [...path, i]));
  if (isLookup(value)) {
    const own = { name: value.$param, path: [...path, '$param'] };
    return [
      own,
      ...refsIn(value.map ?? {}, [...path, 'map']),
      ...(value.else === undefined ? [] : refsIn(value.else, [...path, 'else'])),
    ];
  }
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([k, v]) => refsIn(v, [...path, k]));
  }
  return [];
}

/** Returns `template` with each `{name}` replaced by `vars[name]` (others left as written). */
export function fill(template: string, vars: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{([\w-]+)\}/g, (whole, name: string) =>
    Object.hasOwn(vars, name) ? String(vars[name]) : whole,
  );
}
