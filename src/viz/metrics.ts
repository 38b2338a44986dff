/**
 * Sizes of the sequence diagram in pixels (unscaled). Pure constants and a row-height rule.
 */
import type { Granularity } from '../engine/types';
import { headerBoxWidth, headerText } from './header';

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

/** A phone's lanes: as narrow as this, wider only as far as the actors' names need. */
const PHONE_COLUMN = 100;
/** The smallest type a phone's header may use for an actor's name (px, at scale 1). */
const PHONE_HEADER_TYPE = 12;

const phoneByNames = new Map<string, DiagramMetrics>();

/**
 * Returns the metrics of a phone's diagram of actors named `labels`: a narrow time axis and
 * lanes as narrow as lets every name show whole (on one line, or two split at a space, see
 * `headerText`) at 12 px or more, so the diagram can be read at scale 1 and panned sideways. One object per
 * set of names (a stable cache key for the layout). Pure.
 */
export function phoneMetrics(labels: readonly string[]): DiagramMetrics {
  const key = labels.join('\n');
  const known = phoneByNames.get(key);
  if (known) return known;
  const wide = metricsFor(labels.length).columnWidth;
  // Every name at 12 px or more, on one line or split at a space (not in a word).
  const fits = (column: number) =>
    labels.every((l) => {
      const text = headerText(l, headerBoxWidth(column));
      return text.fontSize >= PHONE_HEADER_TYPE && text.lines.join(' ') === l;
    });
  let columnWidth = PHONE_COLUMN;
  while (columnWidth < wide && !fits(columnWidth)) columnWidth += 4;
  const metrics = { ...METRICS, gutterLeft: 50, gutterRight: 10, columnWidth };
  phoneByNames.set(key, metrics);
  return metrics;
}

/** Returns the metrics of a diagram of `actors`: a phone's (see `phoneMetrics`) or the default. */
export function metricsOf(
  actors: readonly { readonly label: string }[],
  phone: boolean,
): DiagramMetrics {
  return phone ? phoneMetrics(actors.map((a) => a.label)) : defaultMetrics(actors.length);
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
