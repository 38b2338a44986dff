/**
 * The committed verdicts (src/scenarios/verdictData.ts, read by the app and `list`) and the
 * README's table must equal what the explorer proves now; expected marks are pinned here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createStepper } from '../engine/machines';
import { SCENARIOS } from './index';
import { verdictKey } from './judge';
import { computeVerdicts, TABLE_END, TABLE_START, verdictTable } from './verdictTable';
import { COMMITTED_VERDICTS as committed } from './verdictData';

const fresh = computeVerdicts(createStepper({ memoize: true }));
const root = join(import.meta.dirname, '..', '..');

/** The expected mark of every fix, the same at both granularities. */
const EXPECTED: Record<string, Record<string, '✓' | '✗'>> = {
  'cache-aside-set-after-delete': {
    none: '✗',
    'double-delete': '✗',
    leases: '✓',
    'versioned-cas': '✓',
    'write-through': '✗',
    'ttl-backstop': '✗',
  },
  'dropped-delete-ttl-backstop': { none: '✗', 'ttl-backstop': '✓' },
  'write-behind-loss': { none: '✗', 'durable-log': '✓', 'write-through': '✓' },
  'shared-class-state': { none: '✗', 'instance-attribute': '✗', 'per-request-engine': '✓' },
  'querypilot-stale-verdict': {
    none: '✗',
    'invalidate-on-ddl': '✗',
    'epoch-at-store': '✗',
    'epoch-on-read': '✓',
    'invalidate-and-epoch': '✓',
    'invalidate-on-failure': '✓',
    'invalidate-on-forward': '✗',
  },
  'duplicate-insert': {
    none: '✗',
    overwrite: '✓',
    'single-flight': '✓',
    'catch-and-ignore': '✓',
  },
  'hot-key-stampede': {
    none: '✗',
    jitter: '✗',
    'single-flight': '✓',
    'stale-while-revalidate': '✓',
  },
  'async-invalidation-stale-read': {
    none: '✗',
    'sync-invalidation': '✓',
    'read-your-writes': '✓',
  },
};

describe('verdicts', () => {
  it('every scenario names its harm among its invariants', () => {
    for (const scenario of SCENARIOS) {
      const model = scenario.build({
        fix: scenario.fixes[0]!.id,
        granularity: 'operations',
        params: Object.fromEntries(scenario.params.map((p) => [p.id, p.defaultValue])),
      });
      const ids = model.invariants.map((i) => i.id);
      expect(scenario.harm.length, scenario.id).toBeGreaterThan(0);
      for (const id of scenario.harm) expect(ids, scenario.id).toContain(id);
    }
  });

  it('match the pinned marks, complete, at both granularities', () => {
    for (const scenario of SCENARIOS) {
      for (const fix of scenario.fixes) {
        for (const g of ['operations', 'messages'] as const) {
          const v = fresh[verdictKey(scenario, fix.id, g)];
          expect(v?.complete, `${scenario.id} ${fix.id} ${g}`).toBe(true);
          expect(v?.mark, `${scenario.id} ${fix.id} ${g}`).toBe(EXPECTED[scenario.id]?.[fix.id]);
        }
      }
    }
  });

  it('committed in src/scenarios/verdictData.ts equal a fresh exploration (npm run verdicts)', () => {
    expect(committed).toEqual(JSON.parse(JSON.stringify(fresh)));
  });

  it("README's scenario table equals a fresh exploration (npm run verdicts)", () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const between = readme.slice(
      readme.indexOf(TABLE_START) + TABLE_START.length,
      readme.indexOf(TABLE_END),
    );
    // Compare cell text, not the column padding that the formatter adds.
    const cells = (table: string) =>
      table
        .trim()
        .split('\n')
        .filter((row) => !/^\|[\s|:-]+\|$/.test(row))
        .map((row) => row.split(/(?<!\\)\|/).map((c) => c.trim()));
    expect(cells(between)).toEqual(cells(verdictTable(fresh)));
  });
});
