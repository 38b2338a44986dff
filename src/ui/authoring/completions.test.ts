import { describe, expect, it } from 'vitest';
import { completionsAt } from './completions';

/** Completion labels at the `|` in `text`. */
function at(text: string): string[] {
  const pos = text.indexOf('|');
  return completionsAt(text.replace('|', ''), pos)?.options.map((o) => o.label) ?? [];
}

const actors = `actors:
  - { id: reader, label: Reader, kind: reader }
  - { id: cache, label: Cache, kind: cache }
  - { id: db, label: Database, kind: database }
`;

describe('model completion', () => {
  it('completes top-level keys from the schema', () => {
    expect(at('format: interleave/1\nna|')).toEqual(['narrative']);
    expect(at('format: interleave/1\n|')).toEqual(
      expect.arrayContaining(['actors', 'invariants', 'fixes', 'faults', 'sweep']),
    );
    expect(at('narrative: sh|')).toEqual(['shared-state']);
  });

  it('completes actor keys and kinds, block or flow', () => {
    expect(at('actors:\n  - id: a\n    la|')).toEqual(['label']);
    expect(at('actors:\n  - id: a\n    kind: re|')).toEqual(
      expect.arrayContaining(['reader', 'record-store', 'request-thread']),
    );
    expect(at('actors:\n  - { id: c, label: C, kind: ca|')).toEqual(['cache']);
  });

  it("completes an actor's options by its kind, and their values", () => {
    const block = 'actors:\n  - id: reader\n    kind: reader\n    options:\n      ';
    expect(at(`${block}mo|`)).toEqual(['mode']);
    expect(at(`${block}mode: l|`)).toEqual(['lease']);
    expect(at(`${actors}  - id: r2\n    kind: reader\n    options:\n      cache: c|`)).toEqual([
      'cache',
    ]);
    expect(at('actors:\n  - id: w\n    kind: writer\n    options: { key: x, mo|')).toEqual([
      'mode',
    ]);
  });

  it("completes inside an option's own maps and lists: the cache's command queue", () => {
    const cache = 'actors:\n  - id: redis\n    label: Redis\n    kind: cache\n    options:\n      ';
    expect(at(`${cache}qu|`)).toEqual(['queue']);
    expect(at(`${cache}queue:\n        |`)).toEqual(['duration', 'durations']);
    const rules = `${cache}queue:\n        duration: 1\n        durations:\n          - `;
    expect(at(`${rules}{ command: D|`)).toEqual(['DEL']);
    expect(at(`${rules}command: |`)).toEqual([
      'GET',
      'WAIT',
      'SET',
      'ADD',
      'CAS',
      'DEL',
      'INVALIDATE',
    ]);
    expect(at(`${rules}{ command: DEL, k|`)).toEqual(['key']);
    // A reader's options have no such map.
    expect(
      at('actors:\n  - id: r\n    kind: reader\n    options:\n      queue:\n        |'),
    ).toEqual([]);
    // In a fix, the overridden actor's options, down into the queue.
    const fix = `${cache}queue: { duration: 1 }\nfixes:\n  - id: x\n    options:\n      redis:\n        queue:\n          d|`;
    expect(at(fix)).toEqual(['duration', 'durations']);
  });

  it('completes invariant ids, roles, their parameters and the actors they name', () => {
    expect(at('invariants:\n  - { use: stale-a|')).toEqual(['stale-at-quiescence']);
    expect(at('invariants:\n  - { use: stale-set, role: h|')).toEqual(['harm']);
    expect(at(`${actors}invariants:\n  - { use: stale-at-quiescence, role: harm, ca|`)).toEqual([
      'cache',
    ]);
    expect(at(`${actors}invariants:\n  - { use: stale-at-quiescence, role: harm, db: |`)).toEqual([
      'reader',
      'cache',
      'db',
    ]);
  });

  it('completes fixes: keys, the actors they override and those actors’ options', () => {
    const fix = `${actors}fixes:\n  - id: x\n`;
    expect(at(`${fix}    sum|`)).toEqual(['summary']);
    expect(at(`${fix}    options:\n      re|`)).toEqual(['reader']);
    expect(at(`${fix}    options:\n      reader: { mo|`)).toEqual(['mode']);
  });

  it('completes fault kinds and the actors a fault names', () => {
    expect(at('faults:\n  - kind: dr|')).toEqual(['drop']);
    expect(at('faults:\n  - kind: |')).toEqual(expect.arrayContaining(['drop', 'inject']));
    expect(at(`${actors}faults:\n  - kind: inject\n    actor: r|`)).toEqual(['reader']);
  });

  it('offers nothing where nothing fits', () => {
    expect(at('title: My inc|')).toEqual([]);
  });
});

describe('script completion', () => {
  const head = `actors:
  - id: request
    kind: process
    options:
      steps:
`;
  it('offers the step names for a new step, at any depth of the script', () => {
    expect(at(`${head}        - sel|`)).toEqual(['select']);
    expect(at(`${head}        - |`)).toEqual(
      expect.arrayContaining(['get', 'set', 'if', 'repeat']),
    );
    const nested = `${head}        - if: { reply: HIT }\n          then:\n            - up|`;
    expect(at(nested)).toEqual(['update']);
    const cases = `${head}        - match: mode\n          cases:\n            a:\n              - ra|`;
    expect(at(cases)).toEqual(['raise']);
  });

  it('offers the keys a step may carry beside its name', () => {
    expect(at(`${head}        - select: { db: db, key: k }\n          |`)).toEqual(['as']);
    expect(at(`${head}        - while: { field: n, lt: 3 }\n          |`)).toEqual(['max', 'do']);
    expect(at(`${head}        - raise: Boom\n          |`)).toEqual([]);
  });
});
