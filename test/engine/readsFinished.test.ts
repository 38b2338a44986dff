/**
 * Invariants that read finished actors, through every entry point of the integer core: the
 * exhaustive explorer, the early race searches and scripted (authored) models. With every
 * reduction on, the core's key leaves finished actors' local states out and starts again keeping
 * them when an invariant reads one: the answers stay the reference explorer's, and nothing of
 * that restart leaves the search, not even through a world an invariant kept and reads later.
 */
import { describe, expect, it } from 'vitest';
import { findAnyHarm, findHarm } from '../../src/engine/coreFind';
import { explore, exploreReference } from '../../src/engine/explore';
import type { ActorState, Invariant, Model, World } from '../../src/engine/types';
import { cacheAside } from '../../src/scenarios/cacheAside';
import { paramsOf } from '../../src/scenarios/index';
import { loadExample } from '../support/examples';

/** The local states of the finished actors of `world`, as text (every actor is read). */
const finishedText = (world: World): string =>
  Object.entries(world.actors)
    .filter(([, a]) => a.status === 'done')
    .map(([id, a]) => `${id}:${JSON.stringify(a.context)}`)
    .join('|');

/** A number for `text` (a string hash), to make violations depend on every character. */
const hash = (text: string): number =>
  [...text].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 1_000_003, 7);

/** Violated, by an arbitrary rule, depending on what the finished actors hold at the end. */
const READS_FINISHED: Invariant = {
  id: 'reads-finished',
  title: 'Reads finished actors at the end',
  atEnd: (world) => (hash(finishedText(world)) % 2 === 0 ? 'finished alike' : null),
};

/** The same on every step, by another rule. */
const READS_FINISHED_ON_STEP: Invariant = {
  id: 'reads-finished-on-step',
  title: 'Reads finished actors on every step',
  onStep: ({ after }) => (hash(finishedText(after)) % 13 === 0 ? 'finished alike' : null),
};

/** The models as they are. */
const BASE: readonly (readonly [string, Model])[] = [
  [
    'cache-aside, messages 2R+1W',
    cacheAside.build({
      fix: 'none',
      granularity: 'messages',
      params: { ...paramsOf(cacheAside), readers: 2, writers: 1 },
    }),
  ],
  ...(['cache-aside-scripted.yaml', 'get-or-create.yaml'] as const).map((file) => {
    const scenario = loadExample(file);
    const model = scenario.build({ fix: 'none', granularity: 'messages', params: {} });
    return [`${file} (scripted processes)`, model] as const;
  }),
];

/** The models with the invariants that read finished actors. */
const MODELS = BASE.map(
  ([label, model]) =>
    [
      label,
      { ...model, invariants: [...model.invariants, READS_FINISHED, READS_FINISHED_ON_STEP] },
    ] as const,
);

const HARM = [READS_FINISHED.id];

/** What an exploration answers (not how much work it took). */
const answers = (m: Model, core: 'integer' | 'reference') => {
  const r = core === 'integer' ? explore(m, { harm: HARM }) : exploreReference(m, { harm: HARM });
  return {
    interleavings: r.interleavingsExact,
    violating: r.violatingExact,
    harm: r.violatingHarmExact,
    shortest: r.shortestBy,
    shortestHarm: r.shortestHarm,
    chance: r.harmProbability,
  };
};

describe('an invariant that reads finished actors', () => {
  it.each(MODELS)('%s: explore answers as the reference does', (_, model) => {
    const core = answers(model, 'integer');
    expect(Number(core.violating?.[READS_FINISHED.id])).toBeGreaterThan(0);
    expect(Number(core.violating?.[READS_FINISHED.id])).toBeLessThan(Number(core.interleavings));
    expect(core).toEqual(answers(model, 'reference'));
  });

  it.each(MODELS)('%s: the early searches find the shortest harm explore finds', (_, model) => {
    const full = explore(model, { harm: HARM });
    expect(full.shortestHarm).not.toBeNull();
    for (const reduce of ['all', 'key'] as const) {
      const shortest = findHarm(model, { harm: HARM, reduce });
      expect(shortest).toMatchObject({ found: 'harm', shortestHarm: full.shortestHarm });
      expect(shortest.states).toBeLessThanOrEqual(explore(model, { harm: HARM, reduce }).states);
      expect(findAnyHarm(model, { harm: HARM, reduce }).found).toBe('harm');
    }
  });

  it.each(BASE)(
    '%s: a world an invariant kept reads alike after the search, without a restart signal',
    (_, model) => {
      // It reads only the clock while it runs, and everything once the search is over.
      const kept: [World, number][] = [];
      const keeper: Invariant = {
        id: 'keeper',
        title: 'Keeps worlds',
        onStep: ({ after }) => (kept.push([after, after.clock]), null),
      };
      const withKeeper = { ...model, invariants: [...model.invariants, keeper] };
      const harm = model.invariants.map((i) => i.id);
      for (const run of [
        () => explore(withKeeper, { harm }),
        () => findHarm(withKeeper, { harm }),
        () => findAnyHarm(withKeeper, { harm }),
      ]) {
        kept.length = 0;
        expect(run).not.toThrow();
        expect(kept.length).toBeGreaterThan(0);
        for (const [world, clock] of kept) {
          expect(world.clock).toBe(clock);
          const states = Object.values(world.actors) as ActorState[];
          expect(states.length).toBe(model.actors.length);
          expect(() => finishedText(world)).not.toThrow();
        }
        expect(kept.some(([world]) => finishedText(world) !== '')).toBe(true);
      }
    },
  );
});
