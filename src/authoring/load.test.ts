/**
 * Loading authored models: errors carry a line, a column and what was expected; caps hold.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { explore } from '../engine/explore';
import { formatErrors, loadModel } from './load';
import { LIMITS } from './schema';

const cacheAside = readFileSync(
  new URL('../../examples/cache-aside.yaml', import.meta.url),
  'utf8',
);

const SMALL = `format: interleave/1
id: tiny
title: Tiny
actors:
  - id: reader
    label: Reader
    kind: reader
    options: { key: k, mode: set, ttl: null, cache: cache, db: db }
  - { id: cache, label: Cache, kind: cache }
  - { id: db, label: DB, kind: database, options: { rows: { k: { value: v1, version: 1 } } } }
invariants:
  - { use: stale-at-quiescence, role: harm, cache: cache, db: db }
fixes:
  - { id: none, label: No fix, summary: nothing }
`;

function errors(text: string): string[] {
  const result = loadModel(text);
  if (result.ok) throw new Error('expected errors');
  return formatErrors(result.errors);
}

describe('loadModel', () => {
  it('loads a small model and explores it', () => {
    const result = loadModel(SMALL);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const model = result.scenario.build({ fix: 'none', granularity: 'operations', params: {} });
    expect(model.actors.map((a) => [a.id, a.role])).toEqual([
      ['reader', 'process'],
      ['cache', 'server'],
      ['db', 'server'],
    ]);
    expect(explore(model).complete).toBe(true);
  });

  it('gives the line and column of a wrong option, and what was expected', () => {
    const text = SMALL.replace('mode: set', 'mode: sett');
    expect(errors(text)).toEqual([
      expect.stringMatching(
        /^8:30 actors\[0\]\.options\.mode: .*expected one of "set"\|"lease"\|"cas"\|"add"/,
      ),
    ]);
  });

  it('points at an unknown key, an unknown kind and a missing field', () => {
    expect(
      errors(SMALL.replace('    label: Reader\n', '    label: Reader\n    colour: red\n')),
    ).toEqual([expect.stringMatching(/^7:5 actors\[0\]: Unrecognized key: "colour"/)]);
    expect(errors(SMALL.replace('kind: reader', 'kind: raeder'))[0]).toMatch(
      /^7:11 actors\[0\]\.kind: Invalid option: expected one of "reader"\|"writer"/,
    );
    expect(errors(SMALL.replace('title: Tiny\n', ''))[0]).toMatch(/^1:1 title: /);
  });

  it('names what a reference could have been', () => {
    expect(errors(SMALL.replace('role: harm, cache: cache', 'role: harm, cache: cach'))).toEqual([
      '12:52 invariants[0].cache: unknown actor "cach"; expected one of: reader, cache, db',
    ]);
    expect(errors(SMALL.replace('ttl: null', 'ttl: $ttl'))).toEqual([
      '8:40 actors[0].options.ttl: unknown parameter "ttl"; expected one of: (none declared)',
    ]);
    expect(
      errors(
        SMALL.replace(
          'cache: cache, db: db }\n  - { id: cache',
          'cache: nowhere, db: db }\n  - { id: cache',
        ),
      )[0],
    ).toMatch(
      /^8:\d+ actors\[0\]\.options\.cache: option cache names no actor of this configuration: "nowhere"/,
    );
  });

  it('reports YAML syntax errors with their position', () => {
    expect(errors('format: interleave/1\nid: [unclosed\n')[0]).toMatch(/^\d+:\d+ /);
    expect(errors('a: 1\na: 2\n')[0]).toMatch(/^2:1 .*[Mm]ap keys must be unique/);
  });

  it('refuses aliases, custom tags, and text past the caps', () => {
    expect(errors('x: &a [1]\ny: *a\n')[0]).toMatch(/2:4 anchors and aliases/);
    expect(errors('x: !!js/function "f"\n')[0]).toMatch(/^1:4 .*tag/);
    expect(errors('x'.repeat(LIMITS.text + 1))[0]).toMatch(/^1:1 too long/);
    expect(errors(`${'['.repeat(200)}${']'.repeat(200)}`)[0]).toMatch(/nested too deeply/);
  });

  it('checks every fix at the bounds of every parameter', () => {
    expect(errors(cacheAside.replace('max: 3 }', 'max: 30 }'))[0]).toMatch(
      /^\d+:12 actors\[0\]\.count: count must be from 1 to 16, got 30 \(with fix none, readers=30, writers=3, /,
    );
    const text = cacheAside.replace('max: 3 }', 'max: 15 }');
    expect(errors(text)[0]).toMatch(
      /at most 16 actors in one configuration \(with fix none, readers=15, writers=3, /,
    );
  });

  it('refuses two actors that would share an id, and options for a kind that takes none', () => {
    const twice = SMALL.replace(
      '  - { id: cache, label: Cache, kind: cache }',
      '  - { id: cache, label: Cache, kind: cache }\n  - { id: cache1, label: C, kind: cache }',
    ).replace('    kind: reader\n', '    kind: reader\n    count: 2\n    numbering: always\n');
    expect(loadModel(twice).ok).toBe(true);
    const clash = twice
      .replace('id: reader\n', 'id: cache\n')
      .replace(/cache: cache, db/, 'cache: cache1, db');
    expect(errors(clash)).toEqual([
      expect.stringMatching(/actors\[\d\]\.id: duplicate actor id "cache"/),
    ]);
    const renamed = twice.replace('id: cache1,', 'id: reader1,');
    expect(errors(renamed)[0]).toMatch(
      /^5:9 actors\[0\]\.id: two actors would be called "reader1"/,
    );
    const upstream = SMALL.replace(
      '  - { id: cache, label: Cache, kind: cache }',
      '  - { id: cache, label: Cache, kind: cache }\n  - { id: up, label: Up, kind: upstream, options: { a: 1 } }',
    );
    expect(errors(upstream)[0]).toMatch(/actors\[2\]\.options: kind upstream takes no options/);
  });

  it('compiles the harm and the sweep from the model', () => {
    const result = loadModel(cacheAside);
    if (!result.ok) throw new Error(formatErrors(result.errors).join('\n'));
    expect(result.scenario.harm).toEqual(['stale-at-quiescence']);
    expect(result.scenario.sweep.map((a) => a.values({ pause: 3 }))).toEqual([
      [1, 2],
      [1, 2],
      [0, 1, 2, 3],
    ]);
  });
});
