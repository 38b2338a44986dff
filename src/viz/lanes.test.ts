import { describe, expect, it } from 'vitest';
import type { Trace } from '../engine/replay';
import type { ActorSpec, Message, Model, StepRecord, World } from '../engine/types';
import { cacheAside } from '../scenarios/cacheAside';
import { layoutDiagram } from './layout';

function actor(id: string, role: ActorSpec['role']): ActorSpec {
  // The layout never runs machines; any machine will do.
  const machine = cacheAside.build({ fix: 'none', granularity: 'messages', params: {} }).actors[0]
    ?.machine as ActorSpec['machine'];
  return { id, label: id.toUpperCase(), role, machine, input: null };
}

function msg(id: string, from: string, to: string, type: string, lane = 'main'): Message {
  return { id, from, to, type, payload: { key: 't' }, reply: false, sync: false, lane };
}

const write = msg('app->db#1', 'app', 'db', 'DROP');
const replicate = msg('db->sidecar:replication#1', 'db', 'sidecar', 'DDL', 'replication');
const self = msg('app->app#1', 'app', 'app', 'TICK');

function record(index: number, delivered: Message[], sent: Message[]): StepRecord {
  return {
    index,
    key: delivered[0]?.id.split('#')[0] ?? '',
    kind: 'deliver',
    clockBefore: index,
    clockAfter: index + 1,
    delivered,
    sent,
    dropped: [],
    changed: [],
  };
}

const world: World = {
  clock: 0,
  actors: {},
  channels: { 'app->db': [write], 'app->app': [self] },
  sent: {},
  timers: [],
  faultsUsed: {},
};
const model: Model = {
  actors: [actor('db', 'server'), actor('app', 'process'), actor('sidecar', 'server')],
  faults: [],
  invariants: [],
  granularity: 'messages',
};
const trace: Trace = {
  worlds: [world, world, world, world],
  records: [record(0, [write], [replicate]), record(1, [self], []), record(2, [replicate], [])],
  violations: [{ invariant: 'x', step: -1, message: 'broken from the start' }],
  schedule: [],
  divergence: null,
  finished: true,
};

describe('lanes, self messages and the initial world', () => {
  const layout = layoutDiagram({ scenario: cacheAside, model, trace, cursor: 3, enabled: [] });

  it('orders processes before servers', () => {
    expect(layout.lifelines.map((l) => l.id)).toEqual(['app', 'db', 'sidecar']);
  });

  it('draws a replication message as a lane arrow from its send row', () => {
    const lane = layout.arrows.find((a) => a.id === replicate.id);
    expect(lane).toMatchObject({ kind: 'lane', fromRow: 1, toRow: 3, label: 'DDL t' });
  });

  it('draws a message to oneself as a loop', () => {
    const loop = layout.arrows.find((a) => a.id === self.id);
    expect(loop?.path).toContain('C');
    expect(loop?.x1).toBe(loop?.x2);
  });

  it('marks a violation of the initial world on the first row', () => {
    // 'x' is not one of the scenario's harms: the note says it is a diagnostic.
    expect(layout.violations.map((v) => [v.row, v.harm])).toEqual([[0, false]]);
    expect(layout.violations[0]?.lines.join(' ')).toBe('diagnostic: broken from the start');
  });
});
