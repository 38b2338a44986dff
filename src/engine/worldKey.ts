/**
 * The identity of a world for de-duplication. It holds only what the future depends on: actor
 * states, channel contents, pending timers, faults used and the clock (machines read it as
 * `now`). Message ids and per-channel sent counters are left out: they only name messages
 * (no machine sees them, and no invariant may read them); timed models keep them, as their
 * latencies are drawn by message id. With symmetry, interchangeable actors are renamed into a
 * canonical order first, so worlds equal up to such a renaming share a key. Values are interned
 * — each distinct one gets a small number once — so keys are short.
 */
import { canonicalJson, frozenJson } from './canonical';
import { createRenamer, type SymmetryClasses } from './symmetry';
import type { ActorId, Message, Model, World } from './types';

/** Returns the key of a world; equal keys ⇔ worlds equal up to renaming interchangeable actors. */
export type Keyer = (world: World) => string;

interface Lane {
  readonly from: ActorId;
  readonly to: ActorId;
  readonly rest: string;
}

const NO_PERM: ReadonlyMap<ActorId, ActorId> = new Map();

/**
 * Returns a keyer for `model`'s worlds, reducing by `classes` of interchangeable actors; with
 * `keepNames`, message ids and sent counters stay in the key (the plain search, for checks).
 */
export function createKeyer(model: Model, classes: SymmetryClasses = [], keepNames = false): Keyer {
  const exactMessages = keepNames || model.timing !== undefined;
  const renamer = createRenamer(classes);
  const symmetric = new Set(classes.flat());
  const actorIds = model.actors.map((a) => a.id).sort();
  const faultIds = model.faults.map((f) => f.id);
  const byText = new Map<string, number>();
  const texts: string[] = [];
  const mentions: boolean[] = [];
  const renamed = new Map<string, number>();
  const byObject = new WeakMap<object, number>();
  const lanes = new Map<string, Lane>();

  const internText = (text: string): number => {
    let id = byText.get(text);
    if (id === undefined) {
      byText.set(text, (id = texts.length));
      texts.push(text);
      mentions[id] = symmetric.size > 0 && renamer.mentions(text);
    }
    return id;
  };
  const internObject = (value: object, text: () => string): number => {
    let id = byObject.get(value);
    if (id === undefined) byObject.set(value, (id = internText(text())));
    return id;
  };
  const messageId = (m: Message): number =>
    internObject(m, () =>
      exactMessages
        ? frozenJson(m)
        : canonicalJson([m.type, m.payload, m.reply, m.sync, m.inline ?? false]),
    );
  /** The id of value `id` renamed under `perm` (the same id when it names no symmetric actor). */
  const under = (id: number, image: (id: ActorId) => string, permKey: string): number => {
    if (!mentions[id] || permKey === '') return id;
    const cacheKey = `${permKey}\u0000${id}`;
    let out = renamed.get(cacheKey);
    if (out === undefined) {
      renamed.set(cacheKey, (out = internText(renamer.rename(texts[id] ?? '', image))));
    }
    return out;
  };
  const laneOf = (channel: string): Lane => {
    let lane = lanes.get(channel);
    if (!lane) {
      const [ends = '', ...rest] = channel.split(':');
      const [from = '', to = ''] = ends.split('->');
      lanes.set(channel, (lane = { from, to, rest: rest.length ? `:${rest.join(':')}` : '' }));
    }
    return lane;
  };

  /** Chooses the renaming: members of each class sorted by what they hold, names aside. */
  const permutation = (world: World): [ReadonlyMap<ActorId, ActorId>, string] => {
    if (classes.length === 0) return [NO_PERM, ''];
    const signature = new Map<ActorId, string>();
    const blind = (id: number): string =>
      mentions[id] ? `~${under(id, () => '\u0002', '\u0001')}` : `${id}`;
    for (const id of symmetric) {
      const actor = world.actors[id];
      signature.set(id, actor ? blind(internObject(actor, () => frozenJson(actor))) : '-');
    }
    for (const channel of Object.keys(world.channels)) {
      const { from, to, rest } = laneOf(channel);
      if (!symmetric.has(from) && !symmetric.has(to)) continue;
      const content = (world.channels[channel] ?? []).map((m) => blind(messageId(m))).join(',');
      if (symmetric.has(from)) {
        const peer = symmetric.has(to) ? '*' : to;
        signature.set(from, `${signature.get(from)}>${peer}${rest}:${content}`);
      }
      if (symmetric.has(to)) {
        const peer = symmetric.has(from) ? '*' : from;
        signature.set(to, `${signature.get(to)}<${peer}${rest}:${content}`);
      }
    }
    const perm = new Map<ActorId, ActorId>();
    let permKey = '';
    for (const members of classes) {
      const order = [...members].sort((a, b) => {
        const sa = signature.get(a) ?? '';
        const sb = signature.get(b) ?? '';
        return sa < sb ? -1 : sa > sb ? 1 : 0;
      });
      order.forEach((id, k) => {
        const image = members[k] ?? id;
        perm.set(id, image);
        if (image !== id) permKey += `${id}>${image},`;
      });
    }
    return [perm, permKey];
  };

  return (world) => {
    const [perm, permKey] = permutation(world);
    const image = (id: ActorId): string => perm.get(id) ?? id;
    const inverse = new Map<ActorId, ActorId>();
    for (const [from, to] of perm) inverse.set(to, from);
    let key = `${world.clock}`;
    for (const slot of actorIds) {
      const actor = world.actors[inverse.get(slot) ?? slot];
      key += actor
        ? `,${under(
            internObject(actor, () => frozenJson(actor)),
            image,
            permKey,
          )}`
        : ',-';
    }
    const channels: string[] = [];
    for (const channel of Object.keys(world.channels)) {
      const queue = world.channels[channel] ?? [];
      if (queue.length === 0) continue;
      let name = channel;
      if (permKey !== '') {
        const { from, to, rest } = laneOf(channel);
        name = `${perm.get(from) ?? from}->${perm.get(to) ?? to}${rest}`;
      }
      channels.push(`${name}:${queue.map((m) => under(messageId(m), image, permKey)).join('.')}`);
    }
    if (permKey !== '') channels.sort();
    key += `|${channels.join('|')}|t`;
    const timers = world.timers.map((t) =>
      under(
        internObject(t, () => frozenJson(t)),
        image,
        permKey,
      ),
    );
    if (permKey !== '') timers.sort((a, b) => a - b);
    key += timers.join('.');
    key += '|f';
    for (const fault of faultIds) key += `${world.faultsUsed[fault] ?? 0}.`;
    if (exactMessages) {
      for (const channel of Object.keys(world.sent).sort())
        key += `${channel}=${world.sent[channel]},`;
    }
    return key;
  };
}
