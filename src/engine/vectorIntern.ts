/**
 * Interning for the integer search core: every distinct value gets a small number once, and each
 * number keeps an object that stands for it. Values (actor local states, message contents,
 * timers) are numbered by canonical text; sequences of values (channel queues, timer sets) by
 * their numbers, 0 being the empty one; channels as first seen, with their ends.
 */
import { canonicalJson, frozenJson } from './canonical';
import { createRenamer, type Renamer, type SymmetryClasses } from './symmetry';
import type { ActorId, Message, Model } from './types';
import { channelKey, MAIN_LANE } from './world';

/** The interned values, sequences and channels of one search. */
export class Interner {
  readonly renamer: Renamer;
  readonly actorIds: readonly ActorId[];
  readonly actorIndex: ReadonlyMap<ActorId, number>;
  /** Per actor: its slot among the interchangeable actors, or -1. */
  readonly memberSlot: Int32Array;
  readonly texts: string[] = [];
  /** Per value: whether its text names an interchangeable actor. */
  readonly mentions: boolean[] = [];
  /** Per value: an object it was read from (none for values made by renaming). */
  readonly objects: (object | undefined)[] = [];
  readonly seqs: number[][] = [[]];
  readonly seqMentions: boolean[] = [false];
  readonly channelNames: string[] = [];
  readonly channelFrom: number[] = [];
  readonly channelTo: number[] = [];
  readonly channelRest: string[] = [];
  /** Channels in name order (the order steps are offered in). */
  sortedChannels: number[] = [];
  chars = 0;
  private readonly byText = new Map<string, number>();
  private readonly byObject = new WeakMap<object, number>();
  private readonly byPayload = new WeakMap<object, Map<string, number>>();
  private readonly bySeq = new Map<string, number>([['', 0]]);
  private readonly queueIds = new WeakMap<readonly Message[], number>();
  private readonly channelIndex = new Map<string, number>();
  private readonly listeners: ((c: number) => void)[] = [];

  constructor(
    model: Model,
    readonly classes: SymmetryClasses,
  ) {
    this.renamer = createRenamer(classes);
    this.actorIds = model.actors.map((a) => a.id);
    this.actorIndex = new Map(this.actorIds.map((id, i) => [id, i]));
    this.memberSlot = new Int32Array(this.actorIds.length).fill(-1);
    classes.flat().forEach((id, k) => (this.memberSlot[this.actorIndex.get(id) ?? 0] = k));
  }

  text(text: string): number {
    let id = this.byText.get(text);
    if (id === undefined) {
      this.byText.set(text, (id = this.texts.length));
      this.texts.push(text);
      this.mentions.push(this.classes.length > 0 && this.renamer.mentions(text));
      this.objects.push(undefined);
      this.chars += text.length;
    }
    return id;
  }

  /** The number of a value that is never mutated (actor states, timers), cached by identity. */
  frozen(value: object): number {
    let id = this.byObject.get(value);
    if (id === undefined) {
      this.byObject.set(value, (id = this.text(frozenJson(value))));
      this.objects[id] ??= value;
    }
    return id;
  }

  /** The number of a message's content (its type, payload and flags; not its id or ends). */
  message(m: Message): number {
    let id = this.byObject.get(m);
    if (id !== undefined) return id;
    let shapes = this.byPayload.get(m.payload);
    if (!shapes) this.byPayload.set(m.payload, (shapes = new Map()));
    const shape = `${m.type}\u0000${m.reply}${m.sync}${m.inline ?? false}`;
    id = shapes.get(shape);
    if (id === undefined) {
      const text = canonicalJson([m.type, m.payload, m.reply, m.sync, m.inline ?? false]);
      shapes.set(shape, (id = this.text(text)));
    }
    this.objects[id] ??= m;
    this.byObject.set(m, id);
    return id;
  }

  seq(items: readonly number[]): number {
    if (items.length === 0) return 0;
    const text = items.join('.');
    let id = this.bySeq.get(text);
    if (id === undefined) {
      this.bySeq.set(text, (id = this.seqs.length));
      this.seqs.push([...items]);
      this.seqMentions.push(items.some((i) => this.mentions[i]));
      this.chars += text.length;
    }
    return id;
  }

  queue(queue: readonly Message[]): number {
    let id = this.queueIds.get(queue);
    if (id === undefined) {
      id = this.seq(queue.map((m) => this.message(m)));
      this.queueIds.set(queue, id);
    }
    return id;
  }

  /** Calls `listener` with each channel's number as it is first seen. */
  onChannel(listener: (c: number) => void): void {
    this.listeners.push(listener);
  }

  channel(name: string): number {
    let c = this.channelIndex.get(name);
    if (c !== undefined) return c;
    const [ends = '', ...rest] = name.split(':');
    const [from = '', to = ''] = ends.split('->');
    this.channelIndex.set(name, (c = this.channelNames.length));
    this.channelNames.push(name);
    this.channelFrom.push(this.actorIndex.get(from) ?? -1);
    this.channelTo.push(this.actorIndex.get(to) ?? -1);
    this.channelRest.push(rest.length ? `:${rest.join(':')}` : '');
    this.sortedChannels = this.channelNames
      .map((_, k) => k)
      .sort((a, b) => {
        const x = this.channelNames[a] ?? '';
        const y = this.channelNames[b] ?? '';
        return x < y ? -1 : x > y ? 1 : 0;
      });
    for (const listener of this.listeners) listener(c);
    return c;
  }

  /** The channel an actor sends on to `to` over `lane`. */
  channelOf(from: number, to: ActorId, lane: string = MAIN_LANE): number {
    return this.channel(channelKey(this.actorIds[from] ?? '', to, lane));
  }
}
