import { describe, expect, it } from 'vitest';
import { bucketAt, chartLayout } from './loadChart';

describe('load chart layout', () => {
  const series = [
    { fix: 'a', values: [0, 10, 5, 0] },
    { fix: 'b', values: [1, 2, 3, 4] },
  ];
  const layout = chartLayout(series, 1000, 400, 200);

  it('draws one path per fix on shared axes that hold the largest value', () => {
    expect(layout.lines.map((l) => l.fix)).toEqual(['a', 'b']);
    for (const l of layout.lines) expect(l.d).toMatch(/^M[\d.,]+(L[\d.,]+){3}$/);
    expect(Math.max(...layout.yTicks.map((t) => Number(t.label)))).toBeGreaterThanOrEqual(10);
    expect(layout.xTicks[0]?.label).toBe('0s');
  });

  it('maps a pointer position to the bucket under it, clamped to the chart', () => {
    expect(bucketAt(layout, layout.xOf(2))).toBe(2);
    expect(bucketAt(layout, -50)).toBe(0);
    expect(bucketAt(layout, 10_000)).toBe(3);
  });

  it('labels an all-zero chart 0..1 rather than with ticks that all read 0', () => {
    const flat = chartLayout([{ fix: 'a', values: [0, 0, 0] }], 100, 300, 100);
    const labels = flat.yTicks.map((t) => t.label);
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels[0]).toBe('0');
    expect(labels.at(-1)).toBe('1');
  });

  it('leaves gaps where a value is missing', () => {
    const gappy = chartLayout([{ fix: 'a', values: [1, NaN, 3] }], 100, 300, 100);
    expect(gappy.lines[0]?.d.match(/M/g)).toHaveLength(2);
  });
});
