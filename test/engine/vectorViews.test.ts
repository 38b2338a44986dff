/**
 * Views of raw vectors for invariants on the integer core: a world view and a step record view
 * read, enumerate and copy as the world and the record they stand for, report every slot read,
 * and refuse writes.
 */
import { describe, expect, it } from 'vitest';
import { createStepper } from '../../src/engine/machines';
import type { Model, StepRecord, World } from '../../src/engine/types';
import { createEnabled } from '../../src/engine/vectorEnabled';
import { Interner } from '../../src/engine/vectorIntern';
import { createVectorKeyer, layoutOf } from '../../src/engine/vectorKey';
import { createVectorStepper } from '../../src/engine/vectorStep';
import { AFTER, createViews, RECORD } from '../../src/engine/vectorViews';
import { createWorld } from '../../src/engine/world';
import { cacheAside } from '../../src/scenarios/cacheAside';
import { paramsOf } from '../../src/scenarios/index';

const model: Model = cacheAside.build({
  fix: 'none',
  granularity: 'messages',
  params: { ...paramsOf(cacheAside), readers: 2, writers: 1 },
});

/** The parts the views need, and a step taken from the initial world. */
function setUp() {
  const stepper = createStepper();
  const interner = new Interner(model, []);
  const layout = layoutOf(model);
  const vectors = createVectorStepper(model, stepper, interner);
  const enabled = createEnabled(model, interner, layout, vectors);
  const keyer = createVectorKeyer(model, [], interner);
  const views = createViews(
    interner,
    layout,
    model.faults.map((f) => f.id),
    vectors,
  );
  const before = keyer.raw(createWorld(model, stepper));
  const { raw: after, record } = vectors.apply(before, enabled(before)[0]!, 0);
  return { interner, layout, vectors, views, before, after, record };
}

describe('views of vectors', () => {
  it('a world view reads, enumerates and copies as the world it stands for', () => {
    const { vectors, views, after } = setUp();
    const world: World = vectors.world(after);
    const view = views.world(after, AFTER, () => {});
    expect(view.clock).toBe(world.clock);
    expect(view.timers).toEqual(world.timers);
    expect(Object.keys(view.actors)).toEqual(Object.keys(world.actors));
    expect({ ...view.actors }).toEqual({ ...world.actors });
    expect(Object.keys(view.channels).sort()).toEqual(Object.keys(world.channels).sort());
    expect(JSON.parse(JSON.stringify(view.channels))).toEqual(
      JSON.parse(JSON.stringify(world.channels)),
    );
    for (const id of Object.keys(world.actors)) {
      expect(id in view.actors).toBe(true);
      expect(view.actors[id]).toBe(world.actors[id]);
    }
    expect('nobody' in view.actors).toBe(false);
    expect(view.actors['nobody']).toBeUndefined();
    expect({ ...view.faultsUsed }).toEqual({ ...world.faultsUsed });
  });

  it('a world view reports the slot of each part read, from its side', () => {
    const { interner, layout, views, after } = setUp();
    const reads: number[] = [];
    const view = views.world(after, AFTER, (slot) => reads.push(slot));
    const id = interner.actorIds[1]!;
    void view.actors[id];
    void view.clock;
    expect(reads).toEqual([AFTER + layout.actorBase + 1, AFTER]);
  });

  it('a step record view reads, enumerates and copies as the record, reporting each field', () => {
    const { views, record } = setUp();
    const reads: number[] = [];
    const view: StepRecord = views.record(record, (slot) => reads.push(slot));
    expect(Object.keys(view)).toEqual(Object.keys(record));
    expect({ ...view }).toEqual({ ...record });
    expect(JSON.parse(JSON.stringify(view))).toEqual(JSON.parse(JSON.stringify(record)));
    reads.length = 0;
    expect(view.key).toBe(record.key);
    expect(view.delivered).toBe(record.delivered);
    expect(reads).toEqual([RECORD + 1, RECORD + 5]);
    expect('timer' in view).toBe(true);
    expect(view.timer).toBeUndefined();
  });

  it('views refuse writes', () => {
    const { views, after, record } = setUp();
    const view = views.world(after, 0, () => {});
    const recordView = views.record(record, () => {});
    expect(() => ((view.actors as Record<string, unknown>)['cache'] = null)).toThrow(TypeError);
    expect(() => ((recordView as { key: string }).key = 'x')).toThrow(TypeError);
    expect(() => delete (view.channels as Record<string, unknown>)['x']).toThrow(TypeError);
  });
});
