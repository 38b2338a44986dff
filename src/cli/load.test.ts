import { describe, expect, it } from 'vitest';
import { parseCli, UsageError } from './args';
import { runRequest } from './run';

const cli = (...argv: string[]) => runRequest(parseCli(argv));
const SMALL = ['--param', 'seconds=3', '--param', 'rate=300'];

describe('load command', () => {
  it('--json gives one row per asked fix, in order, with its figures', () => {
    const out = JSON.parse(
      cli('load', 'set-after-delete', '--fix', 'leases,none', '--seed', '3', ...SMALL, '--json')
        .stdout,
    );
    expect(out.scenario).toBe('set-after-delete');
    expect(out.seed).toBe(3);
    expect(out.params).toMatchObject({ seconds: 3, rate: 300, writes: 50 });
    expect(out.rows.map((r: { fix: string }) => r.fix)).toEqual(['leases', 'none']);
    expect(out.rows[0].figures.inconsistency).toBe(0);
    expect(out.units.inconsistency).toBe('%');
    expect(out.rows[1].requests).toBeGreaterThan(800);
  });

  it('without --fix runs every fix and prints an aligned table with a legend', () => {
    const result = cli('load', 'key-normalisation', ...SMALL);
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('key-normalisation — Cache-key normalisation');
    expect(lines.find((l) => l.startsWith('fix '))).toMatch(/hitRate\s+originQps/);
    expect(lines.some((l) => l.startsWith('raw '))).toBe(true);
    expect(lines.some((l) => l.startsWith('normalised '))).toBe(true);
    expect(result.stdout).toContain('hitRate: hit rate (%)');
  });

  it('the same seed prints the same table', () => {
    const a = cli('load', 'ttl-stampede', '--fix', 'none', ...SMALL).stdout;
    expect(cli('load', 'ttl-stampede', '--fix', 'none', ...SMALL).stdout).toBe(a);
  });

  it('rejects unknown scenarios, fixes and parameters with the known ones', () => {
    expect(() => cli('load', 'nope')).toThrow(/known: ttl-stampede, set-after-delete/);
    expect(() => cli('load', 'ttl-stampede', '--fix', 'none,magic')).toThrow(UsageError);
    expect(() => cli('load', 'ttl-stampede', '--param', 'readers=2')).toThrow(/known: seconds/);
    expect(() => cli('load', 'ttl-stampede', '--param', 'jitter=500')).toThrow(/between 0 and 100/);
    expect(() => cli('load')).toThrow(/needs a load scenario/);
  });
});

describe('load command, CSV', () => {
  it('--csv prints the table and --series its time series', () => {
    const table = cli('load', 'key-normalisation', ...SMALL, '--csv')
      .stdout.trimEnd()
      .split('\n');
    expect(table[0]).toMatch(/^fix,requests,hitRate \[%\],originQps \[q\/s\]/);
    expect(table.map((l) => l.split(',')[0])).toEqual(['fix', 'raw', 'normalised']);
    const series = cli('load', 'key-normalisation', '--fix', 'raw', ...SMALL, '--series').stdout;
    const lines = series.trimEnd().split('\n');
    expect(lines[0]).toBe('fix,series,unit,t_ms,value');
    expect(lines.filter((l) => l.startsWith('raw,hitRate,%,')).length).toBe(3);
  });
});
