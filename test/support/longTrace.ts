/**
 * Long traces for tests and benchmarks of the diagram: seeded random walks of one model laid
 * end to end, with message ids, step indices and clocks renumbered so they read as one run.
 * Pure given the seed.
 */
import { randomWalk } from '../../src/engine/random';
import type { Trace } from '../../src/engine/replay';
import type { Message, Model, StepRecord } from '../../src/engine/types';

function renamed(message: Message, copy: number): Message {
  return copy === 0 ? message : { ...message, id: `${message.id}~${copy}` };
}

/**
 * Returns a trace of exactly `steps` steps made of consecutive random walks (seeds `seed`,
 * `seed + 1`, …) of `model`. Each walk's initial messages count as sent in its first step.
 * Pure.
 */
export function longTrace(model: Model, steps: number, seed = 1): Trace {
  const records: StepRecord[] = [];
  const worlds: Trace['worlds'][number][] = [];
  let clock = 0;
  for (let copy = 0; records.length < steps; copy++) {
    const walk = randomWalk(model, seed + copy, steps);
    if (walk.records.length === 0) throw new Error('the model takes no step');
    const initial = Object.values(walk.worlds[0]?.channels ?? {}).flat();
    if (copy === 0) worlds.push(...walk.worlds.slice(0, 1));
    walk.records.forEach((r, i) => {
      if (records.length >= steps) return;
      if (i === 0 && copy > 0) {
        // The next walk's initial messages leave in the previous walk's last step.
        const last = records.pop();
        if (last)
          records.push({ ...last, sent: [...last.sent, ...initial.map((m) => renamed(m, copy))] });
      }
      const sent = r.sent;
      records.push({
        ...r,
        index: records.length,
        clockBefore: r.clockBefore + clock,
        clockAfter: r.clockAfter + clock,
        delivered: r.delivered.map((m) => renamed(m, copy)),
        sent: sent.map((m) => renamed(m, copy)),
        dropped: r.dropped.map((m) => renamed(m, copy)),
      });
      const world = walk.worlds[i + 1];
      if (world) worlds.push(world);
    });
    clock = records.at(-1)?.clockAfter ?? clock;
  }
  return {
    worlds,
    records,
    violations: [],
    schedule: records.map((r) => r.key),
    divergence: null,
    finished: false,
  };
}
