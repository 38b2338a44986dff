/** A small least-recently-used cache of derived data, keyed by its inputs. */

/** Returns a cache of at most `size` values: `(key, make)` gives the value, made once. */
export function lru<V>(size: number) {
  const map = new Map<string, V>();
  return (key: string, make: () => V): V => {
    const hit = map.get(key);
    if (hit !== undefined) {
      map.delete(key);
      map.set(key, hit);
      return hit;
    }
    const value = make();
    map.set(key, value);
    if (map.size > size) map.delete(map.keys().next().value as string);
    return value;
  };
}
