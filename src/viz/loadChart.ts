/**
 * Pure layout of one Load lab chart: a time series per fix on shared axes, as SVG path strings
 * and tick positions (d3 computes, React draws). Pure: no DOM.
 */
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';

export interface ChartLine {
  readonly fix: string;
  readonly d: string;
}

export interface ChartLayout {
  readonly width: number;
  readonly height: number;
  readonly margin: {
    readonly top: number;
    readonly right: number;
    readonly bottom: number;
    readonly left: number;
  };
  readonly lines: readonly ChartLine[];
  readonly xTicks: readonly { readonly x: number; readonly label: string }[];
  readonly yTicks: readonly { readonly y: number; readonly label: string }[];
  /** Bucket width in ms and the number of buckets, for hover read-outs. */
  readonly bucket: number;
  readonly buckets: number;
  /** x of the centre of bucket i. */
  readonly xOf: (i: number) => number;
}

const MARGIN = { top: 8, right: 12, bottom: 24, left: 52 };

/** Returns the layout of `series` (one per fix, same bucket width) in a `width`×`height` box. */
export function chartLayout(
  series: readonly { readonly fix: string; readonly values: readonly number[] }[],
  bucket: number,
  width: number,
  height: number,
): ChartLayout {
  const buckets = Math.max(1, ...series.map((s) => s.values.length));
  const peak = Math.max(0, ...series.flatMap((s) => s.values.filter(Number.isFinite)));
  // All zero (nothing expired in the window): a 0..1 axis, not ticks that all read "0".
  const top = peak > 0 ? peak : 1;
  const x = scaleLinear()
    .domain([0, buckets * bucket])
    .range([MARGIN.left, width - MARGIN.right]);
  const y = scaleLinear()
    .domain([0, top])
    .nice(4)
    .range([height - MARGIN.bottom, MARGIN.top]);
  const xOf = (i: number) => x((i + 0.5) * bucket);
  const path = line<number>()
    .defined((v) => Number.isFinite(v))
    .x((_, i) => xOf(i))
    .y((v) => y(v));
  return {
    width,
    height,
    margin: MARGIN,
    lines: series.map((s) => ({ fix: s.fix, d: path([...s.values]) ?? '' })),
    xTicks: x.ticks(6).map((t) => ({ x: x(t), label: `${t / 1000}s` })),
    yTicks: y.ticks(4).map((t) => ({ y: y(t), label: t.toLocaleString('en') })),
    bucket,
    buckets,
    xOf,
  };
}

/** Returns the bucket under pixel `px` of a layout, clamped. Pure. */
export function bucketAt(layout: ChartLayout, px: number): number {
  const inner = layout.width - layout.margin.left - layout.margin.right;
  const i = Math.floor(((px - layout.margin.left) / inner) * layout.buckets);
  return Math.max(0, Math.min(layout.buckets - 1, i));
}
