/**
 * Scripted processes: what each kind of step does when explored, and the errors a broken
 * script gets (line, column and what was expected).
 */
import { describe, expect, it } from 'vitest';
import { explore } from '../engine/explore';
import { replay } from '../engine/replay';
import type { Invariant, Model, World } from '../engine/types';
import { formatErrors, loadModel } from './load';
import { STEP_NAMES } from './script';

/** A model of `actors` (YAML list items, indented by two) with a placeholder invariant. */
function model(actors: string, fixes = ''): string {
  return `format: interleave/1
id: scripted
title: Scripted
actors:
${actors}
  - { id: cache, label: Cache, kind: cache }
  - { id: db, label: DB, kind: database, options: { rows: { k: { value: v1, version: 1 } } } }
invariants:
  - { use: stale-at-quiescence, role: harm, cache: cache, db: db }
fixes:
  - { id: none, label: No fix, summary: as written }
${fixes}`;
}

function build(text: string, fix = 'none', granularity: 'operations' | 'messages' = 'messages') {
  const result = loadModel(text);
  if (!result.ok) throw new Error(formatErrors(result.errors).join('\n'));
  return result.scenario.build({ fix, granularity, params: {} });
}

function errors(text: string): string[] {
  const result = loadModel(text);
  if (result.ok) throw new Error('expected errors');
  return formatErrors(result.errors);
}

/**
 * A copy of `w` made while an invariant reads it. Invariants are pure: an answer is kept for
 * every world alike in what it read, so a recorder reads all of it.
 */
const copy = (w: World): World => ({
  ...w,
  actors: { ...w.actors },
  channels: { ...w.channels },
  faultsUsed: { ...w.faultsUsed },
});

/** Every world explore reaches at quiescence, through an invariant that records them. */
function ends(m: Model): World[] {
  const seen: World[] = [];
  const recorder: Invariant = {
    id: 'end',
    title: 'end',
    atEnd: (w) => (seen.push(copy(w)), null),
  };
  expect(explore({ ...m, invariants: [recorder] }).complete).toBe(true);
  return seen;
}

const context = (w: World, id: string) => w.actors[id]?.context as Record<string, unknown>;

const LOCKED = `  - { id: locked, label: Locked, summary: with the lock, options: { p: { locked: true } } }
`;

/** Check-then-act: each worker claims a shared slot when it reads it empty. */
const CLAIM = `  - id: p
    label: Worker
    kind: process
    count: 2
    options:
      locked: false
      holder: null
      won: false
      steps:
        - if: { field: locked, is: true }
          then: [{ lock: { shared: obj, name: slot } }]
        - read: { shared: obj, field: holder }
        - if: { field: holder, is: null }
          then:
            - store: { shared: obj, holder: taken }
            - store: { won: true }
        - if: { field: locked, is: true }
          then: [{ unlock: { shared: obj, name: slot } }]
  - { id: obj, label: Shared, kind: shared-object }`;

describe('scripted processes', () => {
  it('exports the step names for completion', () => {
    expect(STEP_NAMES).toEqual(expect.arrayContaining(['get', 'set', 'cas', 'lock', 'while']));
  });

  it('loops a bounded number of times: repeat, and while up to its max', () => {
    const text = model(`  - id: p
    label: P
    kind: process
    options:
      i: 0
      steps:
        - repeat: 3
          do: [{ update: { db: db, key: k } }]
        - while: { field: i, lt: 100 }
          max: 4
          do:
            - update: { db: db, key: k }
            - store: { i: '@reply.version' }`);
    const [end] = ends(build(text));
    const db = context(end!, 'db') as { rows: { k: { version: number } } };
    expect(db.rows.k.version).toBe(8);
    expect(end!.actors['p']?.status).toBe('done');
    expect(context(end!, 'p')['phase']).toBe('done');
  });

  it('raises, catches, and ends raised when nothing catches', () => {
    const text = model(`  - id: p
    label: P
    kind: process
    options:
      caught: false
      steps:
        - try:
            - insert: { db: db, key: k, value: again }
            - if: { reply: DUPLICATE_KEY }
              then: [{ raise: IntegrityError }]
          on: [IntegrityError]
          catch: [{ store: { caught: true } }]
        - insert: { db: db, key: k, value: again }
        - if: { reply: DUPLICATE_KEY }
          then: [{ raise: IntegrityError }]
        - store: { caught: false }`);
    const [end] = ends(build(text));
    const p = end!.actors['p']!;
    expect(p.value).toBe('raised');
    expect(p.context).toMatchObject({ caught: true, raised: ['IntegrityError', 'IntegrityError'] });
  });

  it('without the lock both workers can claim the slot; with it only one ever does', () => {
    const winners = (fix: string) =>
      new Set(
        ends(build(model(CLAIM, LOCKED), fix)).map(
          (w) => ['p1', 'p2'].filter((id) => context(w, id)['won'] === true).length,
        ),
      );
    expect(winners('none')).toEqual(new Set([1, 2]));
    expect(winners('locked')).toEqual(new Set([1]));
  });

  it('calls and awaits between processes, and sleeps on a named timer', () => {
    const text = model(`  - id: ping
    label: Ping
    kind: process
    options:
      steps:
        - sleep: { ticks: 5, timer: nap }
        - call: { to: pong, message: PING }
        - store: { got: '@reply.type' }
  - id: pong
    label: Pong
    kind: process
    options:
      steps:
        - await: { message: PING }
          as: listening
        - send: { to: '@reply.from', message: PONG, reply: true }`);
    const m = build(text);
    const trace = replay(m, ['timer:ping/nap', 'ping->pong', 'pong->ping']);
    expect(trace.divergence).toBeNull();
    expect(trace.worlds[0]!.actors['pong']?.context).toMatchObject({ phase: 'listening' });
    expect(trace.worlds.at(-1)!.actors['ping']?.context).toMatchObject({ got: 'PONG' });
    expect(trace.worlds.at(-1)!.clock).toBeGreaterThanOrEqual(5);
  });
});

describe('script errors', () => {
  const P = (steps: string, fields = '') => `  - id: p
    label: P
    kind: process
    options:${fields}
      steps:
${steps}`;

  it('names an unknown step and the steps there are, at its line and column', () => {
    const [error] = errors(model(P('        - gte: { cache: cache, key: k }')));
    expect(error).toBe(
      `10:11 actors[0].options.steps[0]: process option steps.0: unknown step \`gte\`, expected one of ${STEP_NAMES.join('|')} (with fix none)`,
    );
  });

  it('points at unknown fields, arguments, actors and missing bounds', () => {
    expect(errors(model(P("        - set: { cache: cache, key: k, value: '@vlaue' }")))[0]).toMatch(
      /^10:\d+ actors\[0\]\.options\.steps\[0\]\.set\.value: .*unknown field "vlaue"; expected one of: \(none declared\), or reply/,
    );
    expect(errors(model(P('        - get: { cache: cache, kee: k }')))[0]).toMatch(
      /^10:\d+ .*steps\[0\]\.get\.kee: .*unknown argument "kee"; expected cache, key, lease/,
    );
    expect(errors(model(P('        - get: { cache: redis, key: k }')))[0]).toMatch(
      /^10:\d+ actors\[0\]\.options\.steps\[0\]\.get\.cache: names no actor of this configuration: "redis"/,
    );
    expect(
      errors(
        model(P('        - while: { field: i, lt: 3 }\n          do: [{ end }]', '\n      i: 0')),
      )[0],
    ).toMatch(/steps\[0\]: .*a while loop needs max: n/);
    expect(errors(model(P('        - repeat: 99\n          do: [end]')))[0]).toMatch(
      /steps\[0\]\.repeat: .*expected a bound from 0 to 16/,
    );
  });

  it('caps nesting and the number of steps', () => {
    let steps = '[end]';
    for (let i = 0; i < 4; i++) steps = `[{ repeat: 1, do: ${steps} }]`;
    expect(errors(model(P(`        - repeat: 1\n          do: ${steps}`)))[0]).toMatch(
      /nested too deeply: at most 4 levels/,
    );
    // Lists hold at most 32 items; the cap counts the steps inside blocks too.
    const block = `        - repeat: 1\n          do: [${Array.from({ length: 21 }, () => 'end').join(', ')}]`;
    const many = [block, block, block].join('\n');
    expect(errors(model(P(many)))[0]).toMatch(/too many steps: a script has at most 64/);
  });

  it('refuses the interpreter’s own field names', () => {
    expect(errors(model(P('        - end', '\n      phase: x')))[0]).toMatch(
      /actors\[0\]\.options\.phase: .*"phase" is the interpreter's own/,
    );
  });
});
