/**
 * The only place d3 touches the DOM: d3-zoom on the svg, its transform applied to the content
 * group, the headers kept pinned to the top (they follow x and scale, not y) and the time axis
 * kept on screen at the left. The wheel
 * pans (a long trace scrolls like a page); Ctrl/⌘ + wheel or a pinch zooms; drag pans.
 */
import { select } from 'd3-selection';
import { zoom, zoomIdentity, zoomTransform, type ZoomBehavior, type ZoomTransform } from 'd3-zoom';

/** The visible part of the diagram in layout coordinates. */
export interface ViewWindow {
  readonly yMin: number;
  readonly yMax: number;
}

export interface ZoomAdapter {
  /**
   * Fits the diagram: all of it when it is short, otherwise its width, keeping `focusY` in
   * view. `large` (presentation) keeps the type large: all of it only down to a readable
   * scale, then scrolled as little as keeps the bottom of what is drawn in view. `whole` is
   * the size the scale is chosen for (default the diagram's): presenting, the whole run, so the
   * scale stays put while its steps are revealed.
   */
  fit(
    width: number,
    height: number,
    focusY: number,
    large?: boolean,
    whole?: { width: number; height: number },
  ): void;
  /** Shows the diagram at its natural size (100%), keeping `focusY` in view. */
  actualSize(width: number, height: number, focusY: number): void;
  /** Keeps panning within the diagram (plus a margin) of this size. */
  setBounds(width: number, height: number): void;
  /**
   * After the svg grew: scrolls down (without zooming) as far as leaves no blank under a
   * diagram of `height` whose top is scrolled out of view.
   */
  settle(height: number): void;
  /** Scrolls (without zooming) so that `[yTop, yBottom]` is visible below the headers. */
  ensureVisible(yTop: number, yBottom: number): void;
  destroy(): void;
}

/** The largest scale a fit chooses (presenting aside). */
export const MAX_SCALE = 1.6;
/**
 * Presentation: the scale never goes below this (when the width allows) nor above the max. The
 * smallest text of a presented diagram is 12 px (see present.css): at least 14 px on screen.
 */
const LARGE_MIN_SCALE = 1.17;
const LARGE_MAX_SCALE = 2.2;

/** The groups the adapter moves: the content, the pinned headers and the pinned time axis. */
export interface DiagramGroups {
  readonly content: SVGGElement;
  readonly header: SVGGElement;
  readonly axis: SVGGElement;
}

/** Returns a zoom adapter bound to `svg`; call `destroy` to remove its listeners. */
export function createZoomAdapter(
  svg: SVGSVGElement,
  groups: DiagramGroups,
  headerHeight: number,
  onView: (view: ViewWindow) => void,
): ZoomAdapter {
  const selection = select(svg);
  const size = () => ({ w: svg.clientWidth || 800, h: svg.clientHeight || 600 });
  const apply = (t: ZoomTransform): void => {
    select(groups.content).attr('transform', t.toString());
    select(groups.header).attr('transform', `translate(${t.x},0) scale(${t.k})`);
    // The time axis follows the rows but stays on screen when the diagram is panned left.
    const pinned = t.x < 0;
    select(groups.axis).attr('transform', `translate(${Math.max(0, t.x)},${t.y}) scale(${t.k})`);
    select(groups.axis)
      .select('[data-role="axis-bg"]')
      .attr('opacity', pinned ? 1 : 0);
    onView({ yMin: t.invertY(headerHeight * t.k), yMax: t.invertY(size().h) });
  };
  const behavior: ZoomBehavior<SVGSVGElement, unknown> = zoom<SVGSVGElement, unknown>()
    .scaleExtent([0.15, 4])
    .filter((event: Event) => {
      if (event.type === 'wheel')
        return (event as WheelEvent).ctrlKey || (event as WheelEvent).metaKey;
      return !(event as MouseEvent).ctrlKey && !(event as MouseEvent).button;
    })
    .on('zoom', (event: { transform: ZoomTransform }) => apply(event.transform));
  selection.call(behavior).on('dblclick.zoom', null);
  selection.on('wheel.pan', (event: WheelEvent) => {
    if (event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    const unit = event.deltaMode === 1 ? 16 : event.deltaMode === 2 ? size().h : 1;
    const k = zoomTransform(svg).k;
    const dx = event.shiftKey ? event.deltaY : event.deltaX;
    const dy = event.shiftKey ? 0 : event.deltaY;
    behavior.translateBy(selection, (-dx * unit) / k, (-dy * unit) / k);
  });
  return {
    fit(width, height, focusY, large = false, whole = { width, height }) {
      const { w, h } = size();
      const kWidth = w / whole.width;
      const kAll = Math.min(kWidth, h / whole.height);
      const k = large
        ? Math.min(Math.max(kAll, Math.min(LARGE_MIN_SCALE, kWidth)), LARGE_MAX_SCALE)
        : Math.min(kAll >= 0.6 ? kAll : kWidth, MAX_SCALE);
      const x = Math.max(0, (w - whole.width * k) / 2);
      // From the top when what is drawn fits; else scrolled to keep the focus in view.
      const scrolled = large ? h - height * k : Math.max(h - height * k, h * 0.6 - focusY * k);
      const top = height * k <= h ? 0 : Math.min(0, scrolled);
      behavior.transform(selection, zoomIdentity.translate(x, top).scale(k));
    },
    actualSize(width, height, focusY) {
      const { w, h } = size();
      const x = Math.max(0, (w - width) / 2);
      const top = height <= h ? 0 : Math.min(0, Math.max(h - height, h * 0.6 - focusY));
      behavior.transform(selection, zoomIdentity.translate(x, top));
    },
    setBounds(width, height) {
      const margin = 160;
      // Room below the diagram too, so d3 never centres a short diagram vertically.
      behavior.translateExtent([
        [-margin, -margin],
        [width + margin, height + 2 * size().h],
      ]);
    },
    settle(height) {
      const t = zoomTransform(svg);
      const blank = size().h - (t.y + height * t.k);
      if (blank > 0 && t.y < 0) behavior.translateBy(selection, 0, Math.min(blank, -t.y) / t.k);
    },
    ensureVisible(yTop, yBottom) {
      const t = zoomTransform(svg);
      const { h } = size();
      const top = t.applyY(yTop);
      const bottom = t.applyY(yBottom);
      const minTop = headerHeight * t.k + 8;
      let dy = 0;
      if (bottom > h - 8) dy = h - 8 - bottom;
      if (top + dy < minTop) dy = minTop - top;
      if (dy !== 0) behavior.translateBy(selection, 0, dy / t.k);
    },
    destroy() {
      selection.on('.zoom', null).on('wheel.pan', null);
    },
  };
}
