/**
 * The identity of a world for de-duplication: equal keys ⇔ equal worlds. Actor states,
 * messages and timers are interned — each distinct value gets a small number once — so a key
 * is short and cheap to hash however large the contexts are.
 */
import { frozenJson } from './canonical';
import type { World } from './types';

/** Numbers distinct values; two objects get the same number exactly when they are equal. */
export interface Interner {
  id(value: object): number;
}

/** Returns a fresh interner (one per exploration, so its tables die with it). */
export function createInterner(): Interner {
  const byObject = new WeakMap<object, number>();
  const byText = new Map<string, number>();
  return {
    id(value) {
      let id = byObject.get(value);
      if (id === undefined) {
        const text = frozenJson(value);
        id = byText.get(text);
        if (id === undefined) byText.set(text, (id = byText.size));
        byObject.set(value, id);
      }
      return id;
    },
  };
}

/** Returns a string that is equal for two worlds exactly when they are equal. Pure. */
export function worldKey(world: World, interner: Interner): string {
  let key = String(world.clock);
  for (const id of Object.keys(world.actors).sort()) {
    const actor = world.actors[id];
    key += `|${id}=${actor ? interner.id(actor) : -1}`;
  }
  for (const channel of Object.keys(world.channels).sort()) {
    key += `|${channel}:${(world.channels[channel] ?? []).map((m) => interner.id(m)).join(',')}`;
  }
  key += `|t:${world.timers.map((t) => interner.id(t)).join(',')}`;
  return `${key}|${counts(world.sent)}|${counts(world.faultsUsed)}`;
}

/** Serializes a record of counts with sorted keys (keys are channel or fault ids). */
function counts(record: { readonly [key: string]: number }): string {
  return Object.keys(record)
    .sort()
    .map((k) => `${k}=${record[k]}`)
    .join(',');
}
