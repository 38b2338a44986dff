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

// [granularity, fix, interleavings, states, exception-raised, duplicate-fetch]
const GOLDEN: readonly [Granularity, string, number, number, number, number][] = [
  ['operations', 'none', 20, 23, 18, 18],
  ['operations', 'overwrite', 20, 20, 0, 18],
  ['operations', 'single-flight', 6, 17, 0, 0],
  ['operations', 'catch-and-ignore', 20, 23, 0, 18],
  ['messages', 'none', 70, 38, 68, 68],
  ['messages', 'overwrite', 70, 33, 0, 68],
  ['messages', 'single-flight', 8, 21, 0, 0],
  ['messages', 'catch-and-ignore', 70, 38, 0, 68],
];

describe('duplicate-insert', () => {
  it.each(GOLDEN)(
    '%s / %s: %i interleavings, %i states',
    (granularity, fix, interleavings, states, raised, fetched) => {
      const model = modelFor(fix, granularity);
      const result = explore(model);
      expect(result.complete).toBe(true);
      expect(result.interleavings).toBe(interleavings);
      expect(result.states).toBe(states);
      const violating = { 'exception-raised': raised, 'duplicate-fetch': fetched };
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
    expect(trace.violations.map((v) => v.invariant)).toEqual(['duplicate-fetch']);
    const task2 = trace.worlds[trace.worlds.length - 1]!.actors['task2']!;
    expect(task2.value).toBe('returned');
    expect(task2.context).toMatchObject({ swallowed: 'ExistingEntry' });
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
});
