/**
 * The event queue of a load simulation: a binary min-heap ordered by (time, insertion order),
 * so events due at the same virtual time run in the order they were scheduled. Deterministic.
 * Keys and slots live in typed arrays: scheduling an event allocates nothing.
 */

/** A min-heap of integer slots keyed by virtual time; ties keep insertion order. */
export class SlotHeap {
  private times = new Float64Array(1024);
  private seqs = new Float64Array(1024);
  private slots = new Int32Array(1024);
  private seq = 0;
  size = 0;

  /** Schedules `slot` at `time`. */
  push(time: number, slot: number): void {
    if (this.size === this.times.length) this.grow();
    const { times, seqs, slots } = this;
    const seq = this.seq++;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const t = times[parent] as number;
      if (t < time || (t === time && (seqs[parent] as number) < seq)) break;
      times[i] = t;
      seqs[i] = seqs[parent] as number;
      slots[i] = slots[parent] as number;
      i = parent;
    }
    times[i] = time;
    seqs[i] = seq;
    slots[i] = slot;
  }

  /** The time of the earliest event, or Infinity when empty. */
  peekTime(): number {
    return this.size > 0 ? (this.times[0] as number) : Number.POSITIVE_INFINITY;
  }

  /** Removes the earliest event and returns its slot (-1 when empty). Read its time first. */
  pop(): number {
    if (this.size === 0) return -1;
    const { times, seqs, slots } = this;
    const top = slots[0] as number;
    const n = --this.size;
    if (n > 0) {
      const time = times[n] as number;
      const seq = seqs[n] as number;
      const slot = slots[n] as number;
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= n) break;
        const r = child + 1;
        if (r < n) {
          const tr = times[r] as number;
          const tl = times[child] as number;
          if (tr < tl || (tr === tl && (seqs[r] as number) < (seqs[child] as number))) child = r;
        }
        const tc = times[child] as number;
        if (tc > time || (tc === time && (seqs[child] as number) > seq)) break;
        times[i] = tc;
        seqs[i] = seqs[child] as number;
        slots[i] = slots[child] as number;
        i = child;
      }
      times[i] = time;
      seqs[i] = seq;
      slots[i] = slot;
    }
    return top;
  }

  private grow(): void {
    const size = this.times.length * 2;
    const times = new Float64Array(size);
    const seqs = new Float64Array(size);
    const slots = new Int32Array(size);
    times.set(this.times);
    seqs.set(this.seqs);
    slots.set(this.slots);
    this.times = times;
    this.seqs = seqs;
    this.slots = slots;
  }
}

/** A min-heap of items keyed by virtual time; ties keep insertion order. */
export class EventQueue<T> {
  private readonly heap = new SlotHeap();
  private readonly items: (T | undefined)[] = [];
  private readonly free: number[] = [];

  get size(): number {
    return this.heap.size;
  }

  /** Schedules `item` at `time`. */
  push(time: number, item: T): void {
    const slot = this.free.pop() ?? this.items.length;
    this.items[slot] = item;
    this.heap.push(time, slot);
  }

  /** The time of the earliest event, or Infinity when empty. */
  peekTime(): number {
    return this.heap.peekTime();
  }

  /** Removes and returns the earliest event, or undefined when empty. */
  pop(): { time: number; item: T } | undefined {
    if (this.heap.size === 0) return undefined;
    const time = this.heap.peekTime();
    const slot = this.heap.pop();
    const item = this.items[slot] as T;
    this.items[slot] = undefined;
    this.free.push(slot);
    return { time, item };
  }
}
