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

const identity = (id: ActorId): string => id;

/**
 * Returns a keyer for `model`'s worlds, reducing by `classes` of interchangeable actors; with
 * `keepNames`, message ids and sent counters stay in the key (the plain search, for checks).
 */
export function createKeyer(model: Model, classes: SymmetryClasses = [], keepNames = false): Keyer {
  const exactMessages = keepNames || model.timing !== undefined;
  const renamer = createRenamer(classes);
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
      mentions[id] = classes.length > 0 && renamer.mentions(text);
    }
    return id;
  };
  /** The id of a value that is never mutated (actor states, timers), cached by identity. */
  const frozenId = (value: object): number => {
    let id = byObject.get(value);
    if (id === undefined) byObject.set(value, (id = internText(frozenJson(value))));
    return id;
  };
  // Messages sent by the same plan share their payload object: their content is numbered once
  // per payload object and shape, not once per message.
  const byPayload = new WeakMap<object, Map<string, number>>();
  const messageId = (m: Message): number => {
    let id = byObject.get(m);
    if (id !== undefined) return id;
    if (exactMessages) {
      id = internText(frozenJson(m));
    } else {
      let shapes = byPayload.get(m.payload);
      if (!shapes) byPayload.set(m.payload, (shapes = new Map()));
      const shape = `${m.type}\u0000${m.reply}${m.sync}${m.inline ?? false}`;
      id = shapes.get(shape);
      if (id === undefined) {
        const text = canonicalJson([m.type, m.payload, m.reply, m.sync, m.inline ?? false]);
        shapes.set(shape, (id = internText(text)));
      }
    }
    byObject.set(m, id);
    return id;
  };
  const blank = (): string => '\u0002';
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

  const members = classes.flat();
  const slotOf = new Map(members.map((id, slot) => [id, slot]));
  const stateId = (world: World, id: ActorId): number => {
    const actor = world.actors[id];
    return actor ? frozenId(actor) : -1;
  };
  /** A value's id with every symmetric name blanked: what it holds, names aside. */
  const blind = (id: number): string =>
    id >= 0 && mentions[id] ? `~${under(id, blank, '\u0001')}` : `${id}`;

  return (world) => {
    const names = Object.keys(world.channels);
    const contents: string[] = [];
    const named: boolean[] = [];
    // What each interchangeable actor holds: its state, then what its channels carry.
    const signature = members.map((id) => blind(stateId(world, id)));
    for (const channel of names) {
      let text = '';
      let mention = false;
      for (const m of world.channels[channel] ?? []) {
        const id = messageId(m);
        if (mentions[id]) mention = true;
        text += text === '' ? `${id}` : `.${id}`;
      }
      contents.push(text);
      named.push(mention);
      if (members.length === 0 || text === '') continue;
      const { from, to, rest } = laneOf(channel);
      const fromSlot = slotOf.get(from);
      const toSlot = slotOf.get(to);
      if (fromSlot === undefined && toSlot === undefined) continue;
      const seen = mention
        ? (world.channels[channel] ?? []).map((m) => blind(messageId(m))).join('.')
        : text;
      if (fromSlot !== undefined) {
        signature[fromSlot] += `>${toSlot === undefined ? to : '*'}${rest}:${seen}`;
      }
      if (toSlot !== undefined) {
        signature[toSlot] += `<${fromSlot === undefined ? from : '*'}${rest}:${seen}`;
      }
    }
    // The renaming: members of each class sorted by signature (ties keep their order).
    let perm: Map<ActorId, ActorId> | null = null;
    let permKey = '';
    let offset = 0;
    for (const ids of classes) {
      const order = ids.map((_, k) => k);
      order.sort((a, b) => {
        const sa = signature[offset + a] ?? '';
        const sb = signature[offset + b] ?? '';
        return sa < sb ? -1 : sa > sb ? 1 : a - b;
      });
      order.forEach((from, k) => {
        if (from === k) return;
        const id = ids[from] ?? '';
        const image = ids[k] ?? '';
        (perm ??= new Map()).set(id, image);
        permKey += `${id}>${image},`;
      });
      offset += ids.length;
    }
    const image = perm ? (id: ActorId): string => perm?.get(id) ?? id : identity;
    const source = new Map<ActorId, ActorId>();
    if (perm) for (const [id, to] of perm as Map<ActorId, ActorId>) source.set(to, id);

    let key = `${world.clock}`;
    for (const slot of actorIds) {
      const id = stateId(world, source.get(slot) ?? slot);
      key += `,${under(id, image, permKey)}`;
    }
    const channels: string[] = [];
    names.forEach((channel, k) => {
      let text = contents[k] ?? '';
      if (text === '') return;
      let name = channel;
      if (permKey !== '') {
        const { from, to, rest } = laneOf(channel);
        name = `${image(from)}->${image(to)}${rest}`;
        if (named[k]) {
          text = (world.channels[channel] ?? [])
            .map((m) => under(messageId(m), image, permKey))
            .join('.');
        }
      }
      channels.push(`${name}:${text}`);
    });
    if (permKey !== '') channels.sort();
    key += `|${channels.join('|')}|t`;
    const timers = world.timers.map((t) => under(frozenId(t), image, permKey));
    if (permKey !== '') timers.sort((a, b) => a - b);
    key += timers.join('.');
    key += '|f';
    for (const fault of faultIds) key += `${world.faultsUsed[fault] ?? 0}.`;
    if (exactMessages) {
      for (const channel of Object.keys(world.sent).sort()) {
        key += `${channel}=${world.sent[channel]},`;
      }
    }
    return key;
  };
}
