/**
 * Sizes of the sequence diagram in pixels (unscaled). Pure constants and a row-height rule.
 */
import type { Granularity } from '../engine/types';

export interface DiagramMetrics {
  /** Width of the time axis on the left. */
  readonly gutterLeft: number;
  /** Margin right of the last lifeline. */
  readonly gutterRight: number;
  readonly columnWidth: number;
  readonly headerHeight: number;
  /** Space between the headers and the first row. */
  readonly topPad: number;
  readonly bottomPad: number;
  /** Vertical distance between two deliveries of the same row (operations granularity). */
  readonly subGap: number;
  /** Vertical distance between two ghost arrows in the band below the cursor. */
  readonly ghostGap: number;
  readonly bandPad: number;
  readonly headSize: number;
}

export const METRICS: DiagramMetrics = {
  gutterLeft: 62,
  gutterRight: 16,
  columnWidth: 160,
  headerHeight: 58,
  topPad: 14,
  bottomPad: 24,
  subGap: 22,
  ghostGap: 30,
  bandPad: 8,
  headSize: 8,
};

/**
 * Returns the default metrics for a diagram of `actors` lifelines: narrower columns when there
 * are many, so a whole row still fits a laptop screen at a readable scale. Pure.
 */
export function metricsFor(actors: number): DiagramMetrics {
  const columnWidth = actors <= 4 ? 160 : actors <= 6 ? 142 : 126;
  return { ...METRICS, columnWidth };
}

const metricsByCount = new Map<number, DiagramMetrics>();

/**
 * Returns the default metrics for a number of actors, as one object per count (a stable cache
 * key for the layout).
 */
export function defaultMetrics(actors: number): DiagramMetrics {
  const known = metricsByCount.get(actors);
  if (known) return known;
  const metrics = metricsFor(actors);
  metricsByCount.set(actors, metrics);
  return metrics;
}

/**
 * Returns the uniform row height: tall enough for the most deliveries any row holds (a
 * request and its reply in `operations` granularity). Pure.
 */
export function rowHeightFor(
  metrics: DiagramMetrics,
  granularity: Granularity,
  maxDelivered: number,
): number {
  const stacked = Math.max(1, maxDelivered);
  const base = granularity === 'operations' ? 40 : 38;
  return Math.max(base, 22 + stacked * metrics.subGap);
}
