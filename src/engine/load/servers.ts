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

/** A pool of `size` identical workers (connections), first come first served. */
export class Pool {
  private readonly free: Float64Array;

  constructor(size: number) {
    this.free = new Float64Array(Math.max(1, size));
  }

  /** Admits a statement arriving at `now` that takes `service` ms; returns its slot. */
  admit(now: number, service: number): Slot {
    const free = this.free;
    // One pass: the first connection free soonest, and how many are busy past `now`.
    let best = 0;
    let soonest = free[0] as number;
    let busy = soonest > now ? 1 : 0;
    for (let i = 1; i < free.length; i++) {
      const at = free[i] as number;
      if (at > now) busy++;
      if (at < soonest) {
        soonest = at;
        best = i;
      }
    }
    const start = Math.max(now, soonest);
    const end = start + service;
    free[best] = end;
    // The chosen connection now ends at `end` instead of `soonest`.
    const depth = busy - (soonest > now ? 1 : 0) + (end > now ? 1 : 0);
    return { start, end, waited: start - now, depth: Math.max(0, depth - 1) };
  }
}
