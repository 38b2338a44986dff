/**
 * The page's type warm-up (`#type-warmup` in index.html: the first view's typefaces, in hidden
 * groups): laid out unseen one group a frame while the code loads, so that the app's first
 * frame finds its fonts resolved, and removed once the app has painted.
 */

/** The warm-up's element id in index.html. */
export const TYPE_WARMUP_ID = 'type-warmup';

/**
 * Shows the warm-up's groups (still unseen: the warm-up is `visibility: hidden` and has no
 * size) one per animation frame, so that each frame lays out one group. A group marked
 * `data-media` is shown only where that media query matches (the page's first view differs on
 * a phone); one marked `data-font` waits until that web font has loaded, so that it is not
 * laid out twice (in the fallback, then in the font). Does nothing on a page without a warm-up.
 */
export function warmUpType(doc: Document = document): void {
  const warmup = doc.getElementById(TYPE_WARMUP_ID);
  if (!warmup) return;
  const groups = [...warmup.children] as HTMLElement[];
  const show = (i: number): void => {
    const group = groups[i];
    if (!group?.isConnected) return;
    const media = group.dataset.media;
    if (media && !matchMedia(media).matches) {
      show(i + 1);
      return;
    }
    const next = () =>
      requestAnimationFrame(() => {
        if (!group.isConnected) return;
        group.hidden = false;
        show(i + 1);
      });
    const font = group.dataset.font;
    if (font) void doc.fonts.load(`1em "${font}"`).then(next, next);
    else next();
  };
  show(0);
}

/** Removes the warm-up, if the page has one. */
export function dropTypeWarmup(doc: Document = document): void {
  doc.getElementById(TYPE_WARMUP_ID)?.remove();
}
