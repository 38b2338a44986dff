/**
 * The events a load simulation delivers to its actors, built in one fixed object shape: the
 * payload's fields plus type, sender and time, as the engine's `messageEvent` builds them; and
 * the request ids (`r<n>`) they are sent from and to.
 */
import type { MachineEvent } from '../machines';
import type { Json } from '../types';

/** A load event the simulation may still re-time before delivering it. */
export type TimedEvent = MachineEvent & { now: number };

/** Whether `name` is one of the fields every load event carries. */
function common(name: string): boolean {
  switch (name) {
    case 'type':
    case 'from':
    case 'now':
    case 'key':
    case 'value':
    case 'version':
    case 'lease':
    case 'ttl':
      return true;
    default:
      return false;
  }
}

/**
 * Returns the event an actor receives: the payload's fields plus type, sender and time, as the
 * engine's `messageEvent` builds it, except that the common fields are always present (absent
 * ones as undefined, which every machine reads as absent). One object shape keeps this hot
 * path fast; spreads and growing objects are slow here.
 */
export function loadEvent(
  payload: { readonly [key: string]: Json } | undefined,
  type: string,
  from: string,
  now: number,
): TimedEvent {
  const event: { [key: string]: Json | undefined } = {
    type,
    from,
    now,
    key: payload?.key,
    value: payload?.value,
    version: payload?.version,
    lease: payload?.lease,
    ttl: payload?.ttl,
  };
  if (payload) for (const name in payload) if (!common(name)) event[name] = payload[name];
  return event as TimedEvent;
}

/** Returns a copy of `event` at time `now`. */
export function retimed(event: MachineEvent, now: number): TimedEvent {
  return loadEvent(event, event.type, String(event.from), now);
}

/** Returns the number n of a request id `r<n>`, or -1 for any other id. Pure. */
export function actorIndex(id: string): number {
  const n = id.length;
  if (n < 2 || n > 10 || id.charCodeAt(0) !== 114) return -1;
  let index = 0;
  for (let i = 1; i < n; i++) {
    const digit = id.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    index = index * 10 + digit;
  }
  return index;
}
