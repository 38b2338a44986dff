/**
 * Servers of a load simulation, as queues in virtual time. A single-threaded server (Redis's
 * one thread) runs one command at a time in arrival order, so a long script blocks everything
 * behind it; a pool (a database's connections) runs up to `size` statements at once, first
 * come first served. Both must be fed in arrival order. Pure bookkeeping, no clock.
 */

/** When a command starts and ends, and how long it waited, as a server scheduled it. */
export interface Slot {
  readonly start: number;
  readonly end: number;
  readonly waited: number;
  /** Commands in the system (queued or running) when it arrived, itself excluded. */
  readonly depth: number;
}

/** A single-threaded server with a FIFO queue in front of it. */
export class SingleThread {
  private busyUntil = 0;
  /** End times of admitted commands that may still be in the system, oldest first (a ring). */
  private ends = new Float64Array(1024);
  private head = 0;
  private count = 0;
  /** The longest time any command waited in the queue. */
  longestWait = 0;
  /** The longest single command (e.g. an invalidation script). */
  longestCommand = 0;
  maxDepth = 0;
  busyTime = 0;
  /** The slot of the latest command `take` admitted, field by field. */
  start = 0;
  end = 0;
  waited = 0;
  depth = 0;

  /** Admits a command arriving at `now` that takes `service` ms; returns its slot. */
  admit(now: number, service: number): Slot {
    this.take(now, service);
    return { start: this.start, end: this.end, waited: this.waited, depth: this.depth };
  }

  /** Admits a command as `admit` does, leaving its slot in `start`, `end`, `waited`, `depth`. */
  take(now: number, service: number): void {
    const start = Math.max(now, this.busyUntil);
    const end = start + service;
    this.busyUntil = end;
    const ends = this.ends;
    const mask = ends.length - 1;
    while (this.count > 0 && (ends[this.head] as number) <= now) {
      this.head = (this.head + 1) & mask;
      this.count--;
    }
    const depth = this.count;
    if (this.count === ends.length) this.grow();
    this.ends[(this.head + this.count) & (this.ends.length - 1)] = end;
    this.count++;
    const waited = start - now;
    if (waited > this.longestWait) this.longestWait = waited;
    if (service > this.longestCommand) this.longestCommand = service;
    if (depth > this.maxDepth) this.maxDepth = depth;
    this.busyTime += service;
    this.start = start;
    this.end = end;
    this.waited = waited;
    this.depth = depth;
  }

  private grow(): void {
    const ends = new Float64Array(this.ends.length * 2);
    for (let i = 0; i < this.count; i++) {
      ends[i] = this.ends[(this.head + i) & (this.ends.length - 1)] as number;
    }
    this.ends = ends;
    this.head = 0;
  }
}

/**
 * A pool of `size` identical workers (connections), first come first served. Keeps the number
 * of idle connections and the end times of the busy ones in a min-heap: admitting a statement
 * costs a logarithm of the pool's size, not a pass over every connection.
 */
export class Pool {
  private idle: number;
  /** End times of the busy connections, a binary min-heap of `busy` entries. */
  private readonly ends: Float64Array;
  private busy = 0;
  private latest = Number.NEGATIVE_INFINITY;

  constructor(size: number) {
    this.idle = Math.max(1, size);
    this.ends = new Float64Array(this.idle);
  }

  /** The slot of the latest statement `take` admitted, field by field. */
  start = 0;
  end = 0;
  waited = 0;
  depth = 0;

  /** Admits a statement arriving at `now` (never before the previous one) taking `service` ms. */
  admit(now: number, service: number): Slot {
    this.take(now, service);
    return { start: this.start, end: this.end, waited: this.waited, depth: this.depth };
  }

  /** Admits a statement as `admit` does, leaving its slot in `start`, `end`, `waited`, `depth`. */
  take(now: number, service: number): void {
    if (now < this.latest) throw new Error('a pool must be fed in arrival order');
    this.latest = now;
    // Connections whose statement has ended by now are idle again.
    while (this.busy > 0 && (this.ends[0] as number) <= now) {
      this.pop();
      this.idle++;
    }
    const busy = this.busy;
    let start = now;
    if (this.idle > 0) this.idle--;
    else start = this.pop();
    const end = start + service;
    this.push(end);
    // Commands in the system when it arrived, itself excluded: the busy ones, less the one it
    // waited for (if any), plus itself while it runs.
    const depth = busy - (start > now ? 1 : 0) + (end > now ? 1 : 0);
    this.start = start;
    this.end = end;
    this.waited = start - now;
    this.depth = Math.max(0, depth - 1);
  }

  private push(end: number): void {
    const ends = this.ends;
    let i = this.busy++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const above = ends[parent] as number;
      if (above <= end) break;
      ends[i] = above;
      i = parent;
    }
    ends[i] = end;
  }

  private pop(): number {
    const ends = this.ends;
    const top = ends[0] as number;
    const last = ends[--this.busy] as number;
    const n = this.busy;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && (ends[child + 1] as number) < (ends[child] as number)) child++;
      if ((ends[child] as number) >= last) break;
      ends[i] = ends[child] as number;
      i = child;
    }
    if (n > 0) ends[i] = last;
    return top;
  }
}
