/**
 * The diagram's scales that the page's first view reads (see `./zoomView` for the rest). Pure.
 */

/** The largest scale a fit chooses (presenting aside). */
export const MAX_SCALE = 1.6;

/**
 * A phone: the scale never goes below this, where the diagram's smallest text (11 px) is
 * 11 px on screen and its labels 12–13 px; a diagram wider than the screen then pans sideways.
 */
export const PHONE_MIN_SCALE = 1;

/**
 * The scale a diagram of `width` fitted to a screen `w` wide is shown at when it is wide
 * rather than tall (as `fitView` chooses it), never under `floor`.
 */
export const widthScale = (w: number, width: number, floor = 0): number =>
  Math.max(floor, Math.min(MAX_SCALE, w / width));
