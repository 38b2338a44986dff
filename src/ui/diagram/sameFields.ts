/**
 * Shallow equality of flat layout records (numbers, strings, booleans, small objects of those),
 * so memoized shapes skip re-rendering when a new layout leaves them unchanged.
 */

/** Returns whether two flat records have the same keys and equal values (one level deep). Pure. */
export function sameFields<T extends object>(a: T, b: T): boolean {
  if (a === b) return true;
  const keys = Object.keys(a) as (keyof T)[];
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) {
    const x = a[key];
    const y = b[key];
    if (x === y) continue;
    if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
    if (!sameFields(x as object, y as object)) return false;
  }
  return true;
}
