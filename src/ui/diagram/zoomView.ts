/**
 * The diagram's pan and zoom without d3: a view (scale and translation, as d3-zoom's
 * transform), the fits the zoom buttons ask for, and d3-zoom's own bounds rule, so the first
 * diagram is placed before d3-zoom is loaded and d3-zoom takes over the same view. Pure.
 * The scales the page's first view reads (a phone's floor, a fit's scale by width) are in
 * `./zoomScale`, loaded with it; the rest loads with the zoom (`./zoomAdapter`) after the first
 * diagram.
 */
import { MAX_SCALE, PHONE_MIN_SCALE, widthScale } from './zoomScale';

export { MAX_SCALE, PHONE_MIN_SCALE, widthScale };

/** A view: layout point p is drawn at p × k + (x, y). */
export interface View {
  readonly k: number;
  readonly x: number;
  readonly y: number;
}

/** An extent: [[x0, y0], [x1, y1]]. */
export type Extent = readonly [readonly [number, number], readonly [number, number]];

export const IDENTITY: View = { k: 1, x: 0, y: 0 };

/**
 * Presentation: the scale never goes below this (when the width allows) nor above the max. The
 * smallest text of a presented diagram is 12 px (see present.css): at least 14 px on screen.
 */
const LARGE_MIN_SCALE = 1.17;
/** Presenting on a phone, the largest scale: more would pan sideways past the run's shape. */
const PHONE_LARGE_MAX_SCALE = 1.5;
const LARGE_MAX_SCALE = 2.2;
/** Room around the diagram that panning may show. */
const MARGIN = 160;

/** The view as an SVG transform, written as d3-zoom writes it. */
export const transformText = (t: View): string => `translate(${t.x},${t.y}) scale(${t.k})`;

/** The layout y shown at screen y `y`. */
export const invertY = (t: View, y: number): number => (y - t.y) / t.k;

/** Moves the view by (dx, dy) layout units, as d3-zoom's `translateBy`. */
export const translated = (t: View, dx: number, dy: number): View => ({
  k: t.k,
  x: t.x + t.k * dx,
  y: t.y + t.k * dy,
});

/** How a fit chooses its scale (see `fitView`). */
export interface FitOptions {
  /** Presentation: keep the type large. */
  readonly large?: boolean;
  /** The size the scale is chosen for (default the diagram's). */
  readonly whole?: { readonly width: number; readonly height: number } | undefined;
  /** The smallest scale, even if the diagram is then wider than the screen (a phone's). */
  readonly floor?: number;
  /** Screen px kept clear at the bottom (of the zoom buttons, where they cover the diagram). */
  readonly room?: number;
}

/**
 * Fits a diagram of `width` × `height` in a `w` × `h` screen: all of it when it is short,
 * otherwise its width, keeping `focusY` in view. `large` (presentation) keeps the type large:
 * all of it only down to a readable scale, then scrolled as little as keeps the bottom of what
 * is drawn in view. `whole` is the size the scale is chosen for: presenting, the whole run, so
 * the scale stays put while its steps are revealed. With a `floor` (a phone) the scale never
 * goes under it, and a diagram wider than the screen shows from its left edge; presenting,
 * it then fills the screen the longer way (its width on its side, its height upright) and
 * pans the other way. `room`: screen px kept clear at the bottom.
 */
export function fitView(
  w: number,
  screenH: number,
  width: number,
  height: number,
  focusY: number,
  { large = false, whole = { width, height }, floor = 0, room = 0 }: FitOptions = {},
): View {
  // What is drawn stays above the room kept at the bottom.
  const h = screenH - room;
  const kWidth = w / whole.width;
  const kAll = Math.min(kWidth, h / whole.height);
  const kCover = Math.max(kWidth, h / whole.height);
  const fitted = !large
    ? Math.min(kAll >= 0.6 ? kAll : kWidth, MAX_SCALE)
    : floor > 0
      ? Math.min(kCover, PHONE_LARGE_MAX_SCALE)
      : Math.min(Math.max(kAll, Math.min(LARGE_MIN_SCALE, kWidth)), LARGE_MAX_SCALE);
  const k = Math.max(floor, fitted);
  const x = Math.max(0, (w - whole.width * k) / 2);
  // From the top when what is drawn fits; else scrolled to keep the focus in view.
  const scrolled = large ? h - height * k : Math.max(h - height * k, h * 0.6 - focusY * k);
  const top = height * k <= h ? 0 : Math.min(0, scrolled);
  return { k, x, y: top };
}

/**
 * After the svg grew: the scroll down (layout units, no zoom) that leaves no blank under a
 * diagram of `height` whose top is scrolled out of view, or 0.
 */
export function settleScroll(t: View, h: number, height: number): number {
  const blank = h - (t.y + height * t.k);
  return blank > 0 && t.y < 0 ? Math.min(blank, -t.y) / t.k : 0;
}

/** The diagram at its natural size (100%), keeping `focusY` in view. */
export function actualView(w: number, h: number, width: number, height: number, focusY: number) {
  const x = Math.max(0, (w - width) / 2);
  const top = height <= h ? 0 : Math.min(0, Math.max(h - height, h * 0.6 - focusY));
  return { k: 1, x, y: top };
}

/**
 * Where panning may go for a diagram of this size: the diagram plus a margin, and room below
 * it too, so a short diagram is never centred vertically.
 */
export const boundsOf = (width: number, height: number, h: number): Extent => [
  [-MARGIN, -MARGIN],
  [width + MARGIN, height + 2 * h],
];

/**
 * The scroll (in layout units, no zoom) that brings `[yTop, yBottom]` into view, above `room`
 * screen px kept clear at the bottom, or 0.
 */
export function scrollToShow(
  t: View,
  h: number,
  headerHeight: number,
  yTop: number,
  yBottom: number,
  room = 8,
): number {
  const top = yTop * t.k + t.y;
  const bottom = yBottom * t.k + t.y;
  const minTop = headerHeight * t.k + 8;
  let dy = 0;
  if (bottom > h - room) dy = h - room - bottom;
  if (top + dy < minTop) dy = minTop - top;
  return dy / t.k;
}

/**
 * The sideways scroll (in layout units, no zoom) that brings `[x0, x1]` into a screen `w`
 * wide, right of the pinned time axis (`axis` wide in layout units), or 0. Where the span is
 * wider than the room, its left end is shown (the view never goes right of the diagram's own
 * left edge for it).
 */
export function scrollToShowX(t: View, w: number, axis: number, x0: number, x1: number): number {
  const left = x0 * t.k + t.x;
  const right = x1 * t.k + t.x;
  const minLeft = axis * t.k + 4;
  let dx = 0;
  if (right > w - 4) dx = w - 4 - right;
  // Moved right only as far as the diagram's own left edge: never past it, to clear the axis.
  if (left + dx < minLeft) dx = Math.max(dx, Math.min(minLeft - left, -t.x));
  return dx / t.k;
}

/**
 * Keeps the screen `screen` inside `bounds` (d3-zoom's default constrain): the view moves as
 * little as it must, and is centred where the bounds are smaller than the screen.
 */
export function constrain(t: View, screen: Extent, bounds: Extent): View {
  const ix = (x: number) => (x - t.x) / t.k;
  const iy = (y: number) => (y - t.y) / t.k;
  const dx0 = ix(screen[0][0]) - bounds[0][0];
  const dx1 = ix(screen[1][0]) - bounds[1][0];
  const dy0 = iy(screen[0][1]) - bounds[0][1];
  const dy1 = iy(screen[1][1]) - bounds[1][1];
  return translated(
    t,
    dx1 > dx0 ? (dx0 + dx1) / 2 : Math.min(0, dx0) || Math.max(0, dx1),
    dy1 > dy0 ? (dy0 + dy1) / 2 : Math.min(0, dy0) || Math.max(0, dy1),
  );
}
