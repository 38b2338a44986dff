import { describe, expect, it } from 'vitest';
import { csvField, seriesCsv, tableCsv } from './csv';
import type { LoadTable } from './harness';

const table: LoadTable = {
  scenario: 'demo',
  seed: 1,
  params: { seconds: 2 },
  rows: ['none', 'fix, "quoted"'].map((fix, i) => ({
    fix,
    requests: 10 + i,
    events: 0,
    figures: [
      { id: 'p99', label: 'p99', unit: 'ms', value: 1.5 + i },
      { id: 'hitRate', label: 'hit rate', unit: '%', value: -0 + 90 },
    ],
    series: [{ id: 'originQps', label: 'origin QPS', unit: 'q/s', bucket: 1000, values: [3, 4] }],
  })),
};

describe('load CSV', () => {
  it('has one figure row per fix, units in the header', () => {
    expect(tableCsv(table)).toBe(
      'fix,requests,p99 [ms],hitRate [%]\nnone,10,1.5,90\n"fix, ""quoted""",11,2.5,90\n',
    );
  });

  it('has one series row per fix, series and bucket', () => {
    const lines = seriesCsv(table).trimEnd().split('\n');
    expect(lines[0]).toBe('fix,series,unit,t_ms,value');
    expect(lines.slice(1, 3)).toEqual(['none,originQps,q/s,0,3', 'none,originQps,q/s,1000,4']);
    expect(lines).toHaveLength(5);
  });

  it('quotes only fields that need it', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a\nb')).toBe('"a\nb"');
  });
});
