/**
 * The identity of a world for de-duplication: equal keys ⇔ equal worlds. Pure; reuses the
 * cached serialization of unchanged actor states, messages and timers.
 */
import { canonicalJson, frozenJson } from './canonical';
import type { World } from './types';

/** Returns a string that is equal for two worlds exactly when they are equal. Pure. */
export function worldKey(world: World): string {
  const parts: string[] = [String(world.clock)];
  for (const id of Object.keys(world.actors).sort()) {
    const actor = world.actors[id];
    parts.push(id, actor ? frozenJson(actor) : 'null');
  }
  parts.push('|');
  for (const channel of Object.keys(world.channels).sort()) {
    parts.push(channel, (world.channels[channel] ?? []).map(frozenJson).join(','));
  }
  parts.push('|', world.timers.map(frozenJson).join(','));
  parts.push('|', canonicalJson(world.sent), canonicalJson(world.faultsUsed));
  return parts.join('\u0001');
}
