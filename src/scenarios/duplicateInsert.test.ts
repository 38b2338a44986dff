import { describe, expect, it } from 'vitest';
import { bruteForce } from '../../test/support/bruteForce';
import type { FetchTaskContext } from '../actors/fetchTask';
import { explore } from '../engine/explore';
import { replay } from '../engine/replay';
import type { Granularity } from '../engine/types';
import { duplicateInsert as scenario } from './duplicateInsert';
import { paramsOf } from './index';
import { describeStep } from './narrate';

const modelFor = (fix: string, granularity: Granularity = 'operations', params = {}) =>
  scenario.build({ fix, granularity, params: paramsOf(scenario, params) });

// [switches, granularity, fix, interleavings, states, exception-raised, exception-caught, duplicate-fetch]
// switches 1: a task may switch before each cache call (the default); 0: only at an await.
const GOLDEN: readonly [number, Granularity, string, number, number, number, number, number][] = [
  [1, 'operations', 'none', 20, 23, 18, 0, 18],
  [1, 'operations', 'overwrite', 20, 20, 0, 0, 18],
  [1, 'operations', 'single-flight', 6, 17, 0, 0, 0],
  [1, 'operations', 'catch-and-ignore', 20, 23, 0, 18, 18],
  [1, 'messages', 'none', 70, 38, 68, 0, 68],
  [1, 'messages', 'overwrite', 70, 33, 0, 0, 68],
  [1, 'messages', 'single-flight', 8, 21, 0, 0, 0],
  [1, 'messages', 'catch-and-ignore', 70, 38, 0, 68, 68],
  [0, 'operations', 'none', 6, 12, 4, 0, 4],
  [0, 'operations', 'overwrite', 6, 11, 0, 0, 4],
  [0, 'operations', 'single-flight', 4, 13, 0, 0, 0],
  [0, 'operations', 'catch-and-ignore', 6, 12, 0, 4, 4],
  [0, 'messages', 'none', 20, 23, 18, 0, 18],
  [0, 'messages', 'overwrite', 20, 20, 0, 0, 18],
  [0, 'messages', 'single-flight', 6, 17, 0, 0, 0],
  [0, 'messages', 'catch-and-ignore', 20, 23, 0, 18, 18],
];

describe('duplicate-insert', () => {
  it.each(GOLDEN)(
    'switches %i, %s / %s: %i interleavings, %i states',
    (switches, granularity, fix, interleavings, states, raised, caught, fetched) => {
      const model = modelFor(fix, granularity, { switches });
      // The golden state counts are those of the search without symmetry; with it, the two
      // alike tasks share worlds, and the answers stay the same.
      const result = explore(model, { reduce: 'key' });
      expect(result.complete).toBe(true);
      expect(result.interleavings).toBe(interleavings);
      expect(result.states).toBe(states);
      const reduced = explore(model);
      expect(reduced.interleavings).toBe(interleavings);
      expect(reduced.violating).toEqual(result.violating);
      expect(reduced.states).toBeLessThan(states);
      const violating = {
        'exception-raised': raised,
        'exception-caught': caught,
        'duplicate-fetch': fetched,
      };
      expect(result.violating).toEqual(violating);
      const brute = bruteForce(model);
      expect(brute.interleavings).toBe(interleavings);
      expect(brute.violating).toEqual(violating);
    },
  );

  it('two tasks of 3 steps each: C(6,3) orders; only the two one-after-the-other ones are safe', () => {
    expect(explore(modelFor('none')).interleavings).toBe(20);
    expect(explore(modelFor('none')).violatingAny).toBe(18);
  });

  it('the exception chain of the incident: NonExistentEntry, then ExistingEntry while handling it', () => {
    const model = modelFor('none');
    const result = explore(model);
    const schedule = result.shortestBy['exception-raised'] ?? [];
    const trace = replay(model, schedule);
    const lines = trace.records.map((r, i) =>
      describeStep(scenario, model, r, trace.worlds[i]!, trace.worlds[i + 1]!),
    );
    expect(lines).toEqual([
      'Task 1 calls TimedCache.get_entry(42): raises NonExistentEntry',
      'Task 1 awaits Upstream API.fetch_user(42): returns User(42)',
      'Task 2 calls TimedCache.get_entry(42): raises NonExistentEntry',
      'Task 1 calls TimedCache.add_entry(42, User(42)): added',
      'Task 2 awaits Upstream API.fetch_user(42): returns User(42)',
      'Task 2 calls TimedCache.add_entry(42, User(42)): raises ExistingEntry during handling of NonExistentEntry — fetch_user fails with both in the traceback',
    ]);
    const task2 = trace.worlds[trace.worlds.length - 1]!.actors['task2']!;
    expect(task2.value).toBe('raised');
    expect((task2.context as unknown as FetchTaskContext).outcome).toBe(
      'raised NonExistentEntry → during handling, ExistingEntry',
    );
    expect(trace.violations.map((v) => [v.invariant, v.step])).toEqual([
      ['duplicate-fetch', 4],
      ['exception-raised', 5],
    ]);
    // The reply names what the in-process call raised.
    expect(trace.records[5]!.delivered.map((m) => m.type)).toEqual(['ADD_ENTRY', 'ExistingEntry']);
  });

  it('synchronous cache calls answer within the step, even message by message', () => {
    const trace = replay(modelFor('none', 'messages'), ['task1->cache']);
    expect(trace.records[0]!.delivered.map((m) => m.type)).toEqual([
      'GET_ENTRY',
      'NonExistentEntry',
    ]);
  });

  it('catch-and-ignore hides the exception from the caller but keeps both fetches', () => {
    const model = modelFor('catch-and-ignore');
    const trace = replay(model, [
      'task1->cache',
      'task2->cache',
      'task1->upstream',
      'task1->cache',
      'task2->upstream',
      'task2->cache',
    ]);
    expect(trace.violations.map((v) => [v.invariant, v.step])).toEqual([
      ['duplicate-fetch', 4],
      ['exception-caught', 5],
    ]);
    expect(trace.violations[1]!.message).toBe(
      "task2's add_entry raised ExistingEntry, which the task caught and ignored",
    );
    const task2 = trace.worlds[trace.worlds.length - 1]!.actors['task2']!;
    expect(task2.value).toBe('returned');
    expect(task2.context).toMatchObject({ swallowed: 'ExistingEntry' });
  });

  it('catch-and-ignore differs from overwrite by an invariant: the swallowed ExistingEntry', () => {
    for (const granularity of ['operations', 'messages'] as const) {
      const caught = explore(modelFor('catch-and-ignore', granularity)).violating ?? {};
      const overwritten = explore(modelFor('overwrite', granularity)).violating ?? {};
      expect(caught['exception-raised']).toBe(overwritten['exception-raised']);
      expect(caught['duplicate-fetch']).toBe(overwritten['duplicate-fetch']);
      expect(overwritten['exception-caught']).toBe(0);
      expect(caught['exception-caught']).toBeGreaterThan(0);
    }
  });

  it('single-flight: the second task awaits the first fetch; upstream is called once', () => {
    const model = modelFor('single-flight');
    const trace = replay(model, [
      'task1->cache',
      'task2->cache',
      'task1->upstream',
      'task1->cache',
      'cache->task2',
    ]);
    expect(trace.finished).toBe(true);
    expect(trace.violations).toEqual([]);
    const end = trace.worlds[trace.worlds.length - 1]!;
    expect(end.actors['upstream']!.context).toEqual({ calls: { '42': 1 } });
    expect(end.actors['task2']!.context).toMatchObject({ outcome: 'returned User(42)' });
  });

  it('a 1-tick TTL: the entry is gone by the next step, so no ExistingEntry but every order fetches twice', () => {
    const result = explore(modelFor('none', 'operations', { ttl: 1 }));
    expect(result.violating?.['exception-raised']).toBe(0);
    expect(result.violating?.['duplicate-fetch']).toBe(20);
  });

  describe('asyncio switch points (switches 0)', () => {
    const asyncio = (fix: string, granularity: Granularity = 'operations') =>
      modelFor(fix, granularity, { switches: 0 });

    it('two tasks of 2 steps each: C(4,2) orders; only the two one-after-the-other ones are safe', () => {
      const result = explore(asyncio('none'));
      expect(result.interleavings).toBe(6);
      expect(result.violatingAny).toBe(4);
    });

    it('resume and add_entry are one step: both tasks must miss before either adds', () => {
      const model = asyncio('none');
      const schedule = explore(model).shortestBy['exception-raised'] ?? [];
      expect(schedule).toEqual([
        'task1->cache',
        'task2->cache',
        'task1->upstream',
        'task2->upstream',
      ]);
      const trace = replay(model, schedule);
      expect(trace.records[2]!.delivered.map((m) => m.type)).toEqual([
        'FETCH_USER',
        'USER',
        'ADD_ENTRY',
        'ENTRY_ADDED',
      ]);
      const lines = trace.records.map((r, i) =>
        describeStep(scenario, model, r, trace.worlds[i]!, trace.worlds[i + 1]!),
      );
      expect(lines.slice(2)).toEqual([
        'Task 1 awaits Upstream API.fetch_user(42): returns User(42); then, with no switch, Task 1 calls TimedCache.add_entry(42, User(42)): added',
        'Task 2 awaits Upstream API.fetch_user(42): returns User(42); then, with no switch, Task 2 calls TimedCache.add_entry(42, User(42)): raises ExistingEntry during handling of NonExistentEntry — fetch_user fails with both in the traceback',
      ]);
      expect(trace.violations.map((v) => [v.invariant, v.step])).toEqual([
        ['exception-raised', 3],
        ['duplicate-fetch', 3],
      ]);
    });

    it('message by message, the upstream reply resumes the task and add_entry runs in that step', () => {
      const trace = replay(asyncio('none', 'messages'), ['task1->cache', 'task1->upstream']);
      const resumed = replay(asyncio('none', 'messages'), [...trace.schedule, 'upstream->task1']);
      expect(resumed.records[2]!.delivered.map((m) => m.type)).toEqual([
        'USER',
        'ADD_ENTRY',
        'ENTRY_ADDED',
      ]);
      expect(resumed.worlds[3]!.actors['task1']!.value).toBe('returned');
    });

    it('no switch between a resumed fetch and its add_entry: the finer schedule does not exist here', () => {
      // With a switch before each cache call, Task 2 can miss between Task 1's fetch and its add.
      const finer = ['task1->cache', 'task1->upstream', 'task2->cache', 'task1->cache'];
      expect(replay(modelFor('none'), finer).divergence).toBeNull();
      const trace = replay(asyncio('none'), finer);
      expect(trace.divergence).toMatchObject({ index: 3, key: 'task1->cache' });
      // Task 1 has already added the user when Task 2 runs: Task 2 hits.
      expect(trace.worlds[3]!.actors['task2']!.value).toBe('returned');
    });
  });
});
