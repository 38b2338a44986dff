/**
 * What changed between two JSON values, as a set of slash-separated paths (every changed
 * leaf and each of its ancestors). Pure.
 */
import type { Json } from '../../engine/types';

const isObject = (v: Json | undefined): v is { [key: string]: Json } =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Returns the paths under `prefix` whose values differ between `before` and `after`. Pure. */
export function changedPaths(
  before: Json | undefined,
  after: Json | undefined,
  prefix = '',
  out: Set<string> = new Set(),
): Set<string> {
  if (before === after) return out;
  if (isObject(before) && isObject(after)) {
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    let any = false;
    for (const key of keys) {
      const size = out.size;
      changedPaths(before[key], after[key], `${prefix}/${key}`, out);
      if (out.size > size) any = true;
    }
    if (any) out.add(prefix);
    return out;
  }
  if (JSON.stringify(before) !== JSON.stringify(after)) out.add(prefix);
  return out;
}
