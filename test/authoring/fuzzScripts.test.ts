/**
 * Fuzzing scripts: thousands of random scripts, built from the step names with plausible and
 * junk arguments, nested at random. Each must load or be refused with positioned errors, within
 * 100 ms of CPU, and a script that loads must explore (bounded) without an uncaught error.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { loadModel } from '../../src/authoring/load';
import { STEP_NAMES } from '../../src/authoring/script';
import { explore } from '../../src/engine/explore';

const ACTORS = ['cache', 'db', 'obj', 'q', 'p', 'nobody', '@reply.from', '@k'];
const VALUES = ['k', '@k', '@n', '@reply.value', '@nope', '@@lit', 3, -1, 17, null, true];

const arg: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...VALUES),
  fc.record(
    {
      cache: fc.constantFrom(...ACTORS),
      db: fc.constantFrom(...ACTORS),
      to: fc.constantFrom(...ACTORS),
      from: fc.constantFrom(...ACTORS),
      shared: fc.constantFrom(...ACTORS),
      key: fc.constantFrom(...VALUES),
      value: fc.constantFrom(...VALUES),
      version: fc.constantFrom(...VALUES),
      name: fc.constantFrom('m', '@k'),
      field: fc.constantFrom('n', 'k', 'reply.value', 'x'),
      message: fc.constantFrom('PING', 'GET', 'READ', 'bad type'),
      ticks: fc.constantFrom(0, 2, 5000, '@n'),
      n: fc.constantFrom(...VALUES),
      is: fc.constantFrom(...VALUES),
      lt: fc.constantFrom(...VALUES),
      reply: fc.constantFrom('HIT', 'ROW', ['MISS', 'VALUE']),
    },
    { requiredKeys: [] },
  ),
);

const name = fc.oneof(
  { weight: 9, arbitrary: fc.constantFrom(...STEP_NAMES) },
  { weight: 1, arbitrary: fc.constantFrom('gte', 'as', 'then', 'do') },
);

const key = fc.constantFrom('k', '@k', '@reply.value');
const val = fc.constantFrom('v9', '@n', '@reply.value', 1);
const bound = fc.nat({ max: 3 });
const cond = fc.oneof(
  fc.record({ reply: fc.constantFrom('HIT', 'MISS', 'ROW', 'VALUE', 'LOCKED') }),
  fc.record({ field: fc.constantFrom('n', 'k', 'reply.value'), is: val }),
  fc.record({ field: fc.constantFrom('n', 'reply.version'), lt: fc.nat({ max: 4 }) }),
);

/** Well-formed steps (most of what is generated), and junk ones. */
const steps: fc.Arbitrary<unknown[]> = fc.letrec((tie) => {
  const list = tie('list') as fc.Arbitrary<unknown[]>;
  return {
    list: fc.array(tie('step'), { minLength: 1, maxLength: 5 }),
    step: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      { weight: 2, arbitrary: fc.constant('end') },
      { weight: 3, arbitrary: fc.record({ get: fc.record({ cache: fc.constant('cache'), key }) }) },
      {
        weight: 2,
        arbitrary: fc.record({ set: fc.record({ cache: fc.constant('cache'), key, value: val }) }),
      },
      {
        weight: 1,
        arbitrary: fc.record({
          cas: fc.record({ cache: fc.constant('cache'), key, value: val, version: val }),
        }),
      },
      { weight: 1, arbitrary: fc.record({ del: fc.record({ cache: fc.constant('cache'), key }) }) },
      { weight: 2, arbitrary: fc.record({ select: fc.record({ db: fc.constant('db'), key }) }) },
      { weight: 2, arbitrary: fc.record({ update: fc.record({ db: fc.constant('db'), key }) }) },
      {
        weight: 1,
        arbitrary: fc.record({ insert: fc.record({ db: fc.constant('db'), key, value: val }) }),
      },
      {
        weight: 1,
        arbitrary: fc.record({
          send: fc.record({
            to: fc.constantFrom('q1', 'q2', 'p', '@reply.from'),
            message: fc.constant('PING'),
          }),
        }),
      },
      {
        weight: 1,
        arbitrary: fc.record({
          call: fc.record({
            to: fc.constantFrom('obj', 'q1', 'cache'),
            message: fc.constantFrom('READ', 'PING', 'GET'),
          }),
        }),
      },
      {
        weight: 1,
        arbitrary: fc.record({
          await: fc.record({ message: fc.constant('PING') }, { requiredKeys: [] }),
        }),
      },
      { weight: 1, arbitrary: fc.record({ sleep: fc.nat({ max: 5 }) }) },
      {
        weight: 2,
        arbitrary: fc.record({
          lock: fc.record({ shared: fc.constant('obj'), name: fc.constant('m') }),
        }),
      },
      {
        weight: 1,
        arbitrary: fc.record({
          unlock: fc.record({ shared: fc.constant('obj'), name: fc.constant('m') }),
        }),
      },
      { weight: 2, arbitrary: fc.record({ store: fc.record({ n: val }) }) },
      {
        weight: 1,
        arbitrary: fc.record({
          read: fc.record({ shared: fc.constant('obj'), field: fc.constant('n') }),
        }),
      },
      { weight: 1, arbitrary: fc.record({ raise: fc.constantFrom('Boom', 'Other') }) },
      {
        weight: 1,
        arbitrary: fc.record(
          { try: list, catch: list, on: fc.constantFrom('Boom', ['Boom', 'Other']) },
          { requiredKeys: ['try'] },
        ),
      },
      {
        weight: 2,
        arbitrary: fc.record(
          { if: cond, then: list, else: list },
          { requiredKeys: ['if', 'then'] },
        ),
      },
      {
        weight: 1,
        arbitrary: fc.record({
          match: fc.constant('n'),
          cases: fc.dictionary(fc.constantFrom('1', 'v9'), list, { minKeys: 1, maxKeys: 2 }),
        }),
      },
      { weight: 1, arbitrary: fc.record({ repeat: bound, do: list }) },
      { weight: 1, arbitrary: fc.record({ while: cond, max: bound, do: list }) },
      { weight: 2, arbitrary: fc.tuple(name, arg).map(([n, a]) => ({ [n]: a })) },
    ),
  };
}).list as fc.Arbitrary<unknown[]>;

function model(a: unknown[], b: unknown[]): string {
  return stringify({
    format: 'interleave/1',
    id: 'fuzz',
    title: 'Fuzz',
    actors: [
      { id: 'p', label: 'P', kind: 'process', options: { k: 'k', n: 1, steps: a } },
      { id: 'q', label: 'Q', kind: 'process', count: 2, options: { k: 'k', n: 0, steps: b } },
      { id: 'cache', label: 'Cache', kind: 'cache' },
      {
        id: 'db',
        label: 'DB',
        kind: 'database',
        options: { rows: { k: { value: 'v1', version: 1 } } },
      },
      { id: 'obj', label: 'Obj', kind: 'shared-object' },
    ],
    invariants: [{ use: 'stale-at-quiescence', role: 'harm', cache: 'cache', db: 'db' }],
    fixes: [{ id: 'none', label: 'None', summary: 'as written' }],
  });
}

const RUNS = 2000;
/** Every how many accepted models one is explored (bounded), to keep the test short. */
const EXPLORE_EVERY = 4;

describe('scripts under fuzzing', () => {
  it('load or are refused with positions, fast, and explore when they load', () => {
    let accepted = 0;
    let slowest = 0;
    fc.assert(
      fc.property(steps, steps, (a, b) => {
        const text = model(a, b);
        const start = process.cpuUsage();
        const result = loadModel(text);
        const used = process.cpuUsage(start);
        let ms = (used.user + used.system) / 1000;
        // Past 100 ms, the least of three timings: a hang is slow every time, while the process's
        // CPU clock also counts its collector's and compiler's threads.
        for (let again = 0; again < 2 && ms >= 100; again++) {
          const restart = process.cpuUsage();
          loadModel(text);
          const reused = process.cpuUsage(restart);
          ms = Math.min(ms, (reused.user + reused.system) / 1000);
        }
        slowest = Math.max(slowest, ms);
        expect(ms).toBeLessThan(100);
        if (!result.ok) {
          expect(result.errors.length).toBeGreaterThan(0);
          for (const e of result.errors) expect(e.line).toBeGreaterThanOrEqual(1);
          return;
        }
        accepted++;
        if (accepted % EXPLORE_EVERY !== 0) return;
        const built = result.scenario.build({ fix: 'none', granularity: 'messages', params: {} });
        expect(explore(built, { maxStates: 100 }).states).toBeGreaterThan(0);
      }),
      { seed: 20261203, numRuns: RUNS },
    );
    console.info(
      `script fuzz: ${RUNS} models, ${accepted} accepted, slowest ${slowest.toFixed(1)} ms CPU`,
    );
    // The generator must reach the interpreter, not only the validator.
    expect(accepted).toBeGreaterThan(RUNS / 4);
  });
});
