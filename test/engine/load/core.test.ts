import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arrivalTimes } from '../../../src/engine/load/arrivals';
import { EventQueue } from '../../../src/engine/load/heap';
import { Pool, SingleThread } from '../../../src/engine/load/servers';
import { percentile, selected } from '../../../src/engine/load/stats';
import { zipf } from '../../../src/engine/load/zipf';
import { createRng } from '../../../src/engine/rng';

describe('load simulation core', () => {
  it('the event queue pops by time, ties in insertion order', () => {
    const queue = new EventQueue<string>();
    const rng = createRng(3);
    const pushed: [number, string][] = [];
    for (let i = 0; i < 500; i++) {
      const t = rng.int(0, 50);
      pushed.push([t, `e${i}`]);
      queue.push(t, `e${i}`);
    }
    const popped: string[] = [];
    for (let e = queue.pop(); e; e = queue.pop()) popped.push(e.item);
    const expected = [...pushed].sort((a, b) => a[0] - b[0]).map(([, item]) => item);
    expect(popped).toEqual(expected);
  });

  it('a single thread runs one command at a time, in arrival order', () => {
    const thread = new SingleThread();
    const script = thread.admit(0, 400);
    const get = thread.admit(1, 0.01);
    expect(script).toMatchObject({ start: 0, end: 400, waited: 0, depth: 0 });
    expect(get.start).toBe(400);
    expect(get.waited).toBe(399);
    expect(get.depth).toBe(1);
    expect(thread.longestCommand).toBe(400);
    expect(thread.admit(500, 1)).toMatchObject({ start: 500, waited: 0, depth: 0 });
  });

  it('a pool runs up to its size at once, first come first served', () => {
    const pool = new Pool(2);
    expect(pool.admit(0, 10).start).toBe(0);
    expect(pool.admit(0, 10).start).toBe(0);
    const third = pool.admit(1, 10);
    expect(third.start).toBe(10);
    expect(third.waited).toBe(9);
  });

  it('a pool schedules as a pass over every connection does, in arrival order', () => {
    // The reference: each statement takes the connection free soonest; the depth counts the
    // connections busy past its arrival, itself in, the one it waited for out.
    const reference = (size: number) => {
      const free: number[] = Array.from({ length: size }, () => 0);
      return (now: number, service: number) => {
        const soonest = Math.min(...free);
        const busy = free.filter((at) => at > now).length;
        const start = Math.max(now, soonest);
        const end = start + service;
        free[free.indexOf(soonest)] = end;
        const depth = busy - (soonest > now ? 1 : 0) + (end > now ? 1 : 0);
        return { start, end, waited: start - now, depth: Math.max(0, depth - 1) };
      };
    };
    const step = fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 20 }));
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.array(step, { maxLength: 60 }),
        (size, steps) => {
          const pool = new Pool(size);
          const expected = reference(size);
          let now = 0;
          for (const [gap, service] of steps) {
            now += gap;
            expect(pool.admit(now, service)).toEqual(expected(now, service));
          }
        },
      ),
      { numRuns: 500 },
    );
    const pool = new Pool(2);
    pool.admit(5, 1);
    expect(() => pool.admit(4, 1)).toThrow(/arrival order/);
  });

  it('Poisson arrivals come at the asked rate', () => {
    const times = [...arrivalTimes({ kind: 'poisson', perSecond: 1000 }, createRng(1), 0, 60_000)];
    expect(times.length).toBeGreaterThan(59_000);
    expect(times.length).toBeLessThan(61_000);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const burst = [...arrivalTimes({ kind: 'burst', count: 5, at: 10 }, createRng(1), 0, 100)];
    expect(burst).toEqual([10, 10, 10, 10, 10]);
  });

  it('Zipf draws follow the skew', () => {
    const z = zipf(100, 1);
    const rng = createRng(2);
    const counts = new Array<number>(100).fill(0);
    for (let i = 0; i < 100_000; i++) {
      const i = z.index(rng.float());
      counts[i] = (counts[i] as number) + 1;
    }
    expect(Math.abs((counts[0] as number) / 100_000 - z.share(0))).toBeLessThan(0.01);
    expect(counts[0]).toBeGreaterThan((counts[1] as number) * 1.5);
    expect(counts[1]).toBeGreaterThan(counts[50] as number);
    expect(zipf(10, 0).share(3)).toBeCloseTo(0.1);
  });

  it('percentiles use the nearest rank', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 100)).toBe(100);
    expect(percentile([], 99)).toBe(0);
  });

  it('selection gives the percentile the sorted list gives, with ties and any order', () => {
    const values = fc.array(
      fc.integer({ min: 0, max: 20 }).map((v) => v / 4),
      { maxLength: 300 },
    );
    const p = fc.constantFrom(0, 1, 25, 50, 90, 99, 99.9, 100);
    fc.assert(
      fc.property(values, fc.array(p, { minLength: 1, maxLength: 4 }), (list, ps) => {
        const work = Float64Array.from(list);
        for (const q of ps) expect(selected(work, q)).toBe(percentile(list, q));
      }),
      { numRuns: 500 },
    );
    expect(selected(new Float64Array(0), 50)).toBe(0);
  });
});

describe('load sources', () => {
  it('closed-loop clients each wait for their request, then think, then ask again', async () => {
    const { LoadSim } = await import('../../../src/engine/load/sim');
    const { closedLoop } = await import('../../../src/engine/load/sources');
    const { fastBehaviour } = await import('../../../src/actors/load/behaviours');
    const sim = new LoadSim({
      behaviour: fastBehaviour(),
      hop: 0.1,
      caches: [],
      database: { id: 'db', kind: 'database', connections: 1, input: () => null, latency: () => 1 },
      observer: {},
    });
    const starts: [number, number][] = [];
    const inFlight = new Set<number>();
    const finish = closedLoop(sim, createRng(4), 3, 10, 1000, (client) => {
      expect(inFlight.has(client)).toBe(false);
      inFlight.add(client);
      starts.push([client, sim.now]);
      sim.at(sim.now + 5, () => {
        inFlight.delete(client);
        finish(client);
      });
    });
    sim.run(Number.POSITIVE_INFINITY);
    expect(new Set(starts.map(([c]) => c))).toEqual(new Set([0, 1, 2]));
    // Each client alternates 5 ms of work with ~10 ms of thinking: about 1000 / 15 rounds each.
    expect(starts.length).toBeGreaterThan(150);
    expect(starts.length).toBeLessThan(250);
    expect(starts.every(([, t]) => t < 1000)).toBe(true);
  });
});

describe('key numbers', () => {
  const newSim = async () => {
    const { LoadSim } = await import('../../../src/engine/load/sim');
    const { fastBehaviour } = await import('../../../src/actors/load/behaviours');
    return new LoadSim({
      behaviour: fastBehaviour(),
      hop: 0.1,
      caches: [{ id: 'cache', kind: 'cache', service: () => 0.01, input: () => null }],
      database: {
        id: 'db',
        kind: 'database',
        connections: 1,
        input: () => ({ rows: {} }),
        latency: () => 1,
      },
      observer: {},
    });
  };

  it('one number per key name, however the key was first numbered', async () => {
    const sim = await newSim();
    const a = sim.keys.add('a');
    const b = sim.keys.add('b');
    expect([a, b]).toEqual([0, 1]);
    expect(sim.keys.number('b')).toBe(b);
    expect(sim.keys.number('c')).toBe(2);
    expect(sim.keys.name(2)).toBe('c');
    expect(() => sim.keys.add('a')).toThrow(/not new/);
  });

  it('a name numbered twice as new is caught when a lookup by name needs the index', async () => {
    const sim = await newSim();
    sim.keys.add('a');
    sim.keys.add('a');
    expect(() => sim.keys.number('b')).toThrow(/numbered twice/);
  });

  it('a key numbered by its code is found by that code, however many and however large', async () => {
    const { KeyTable } = await import('../../../src/engine/load/keys');
    const keys = new KeyTable();
    // Codes alike in their low or high 32 bits, past the first tables' size, up to 2^53 - 1.
    const codes: number[] = [];
    for (let i = 1; i <= 3000; i++) codes.push(i * 4294967296, i, Number.MAX_SAFE_INTEGER - i);
    expect(keys.coded(codes[1] as number)).toBe(-1);
    codes.forEach((code, i) => {
      expect(keys.coded(code)).toBe(-1);
      expect(keys.addCoded(code, `k${i}`)).toBe(i);
    });
    codes.forEach((code, i) => expect(keys.coded(code)).toBe(i));
    expect(keys.coded(1.5)).toBe(-1);
    expect(keys.number('k7')).toBe(7);
    expect(() => keys.addCoded(-1, 'x')).toThrow(/bad key code/);
    expect(() => keys.addCoded(2 ** 53, 'y')).toThrow(/bad key code/);
  });

  it('a request spawned with a wrong key number still reaches its own key', async () => {
    const sim = await newSim();
    const right = sim.keys.add('k');
    const wrong = sim.keys.add('other');
    const input = { key: 'k', mode: 'set', ttl: null, cache: 'cache', db: 'db' };
    sim.spawn('reader', input, 0, wrong);
    sim.spawn('reader', input, 0, right);
    sim.run(Number.POSITIVE_INFINITY);
    const cache = sim.servers.get('cache')?.keys;
    expect(JSON.stringify(cache?.state(right))).toContain('"k"');
    expect(cache?.state(wrong)).toBeUndefined();
  });
});
