/**
 * The page's type warm-up (`#type-warmup` in index.html: the first view's typefaces, laid out
 * unseen while the code loads, so that the app's first frame finds them resolved): removed
 * once the app has painted, so later layouts do not carry it.
 */

/** The warm-up's element id in index.html. */
export const TYPE_WARMUP_ID = 'type-warmup';

/** Removes the warm-up, if the page has one. */
export function dropTypeWarmup(doc: Document = document): void {
  doc.getElementById(TYPE_WARMUP_ID)?.remove();
}
