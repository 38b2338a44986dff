/**
 * The only place the diagram's DOM is moved by hand: its view applied to the content group,
 * the headers kept pinned to the top (they follow x and scale, not y) and the time axis kept on
 * screen at the left. The wheel pans (a long trace scrolls like a page) from the start; drag
 * pans and Ctrl/⌘ + wheel or a pinch zooms once d3-zoom is loaded, when the page is idle after
 * the first diagram (or at the first touch of the diagram).
 */
import type { ZoomDriver } from './d3Zoom';

export { MAX_SCALE } from './zoomView';
import {
  actualView,
  boundsOf,
  constrain,
  fitView,
  IDENTITY,
  invertY,
  scrollToShow,
  scrollToShowX,
  settleScroll,
  transformText,
  translated,
  type Extent,
  type FitOptions,
  type View,
} from './zoomView';

/** The visible part of the diagram in layout coordinates. */
export interface ViewWindow {
  readonly yMin: number;
  readonly yMax: number;
}

export interface ZoomAdapter {
  /**
   * Fits the diagram: all of it when it is short, otherwise its width, keeping `focusY` in
   * view; `options` as `fitView`'s (large type for presenting, the size to choose the scale
   * for, the smallest scale).
   */
  fit(width: number, height: number, focusY: number, options?: FitOptions): void;
  /**
   * Whether the view is as the last fit left it: no pan or zoom of the user's (wheel, drag,
   * pinch, 100%) since. Scrolls that keep the cursor in view leave it fitted.
   */
  fitted(): boolean;
  /** Shows the diagram at its natural size (100%), keeping `focusY` in view. */
  actualSize(width: number, height: number, focusY: number): void;
  /** Keeps panning within the diagram (plus a margin) of this size. */
  setBounds(width: number, height: number): void;
  /**
   * Reads the svg's size, for the fits and scrolls that follow: called where layout is done (a
   * ResizeObserver's callback), so they never force one. Until it is first called, they read
   * the size themselves.
   */
  measure(): void;
  /**
   * After the svg grew: scrolls down (without zooming) as far as leaves no blank under a
   * diagram of `height` whose top is scrolled out of view.
   */
  settle(height: number): void;
  /**
   * Scrolls (without zooming) so that `[yTop, yBottom]` is visible below the headers, and
   * `x` (a span and the width of the time axis pinned at the left), when given, beside it.
   */
  ensureVisible(yTop: number, yBottom: number, x?: SpanX): void;
  destroy(): void;
}

/** A sideways span to keep in view right of the time axis (`axis` wide), in layout units. */
export interface SpanX {
  readonly x0: number;
  readonly x1: number;
  readonly axis: number;
}

/** The groups the adapter moves: the content, the pinned headers and the pinned time axis. */
export interface DiagramGroups {
  readonly content: SVGGElement;
  readonly header: SVGGElement;
  readonly axis: SVGGElement;
}

/** Runs `task` when the page is idle (or soon, where idle callbacks are missing). */
function whenIdle(task: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(task, { timeout: 2000 });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(task, 200);
  return () => clearTimeout(handle);
}

/**
 * Returns a zoom adapter bound to `svg` (`room`: screen px its fits and scrolls keep clear at
 * the bottom); call `destroy` to remove its listeners.
 */
export function createZoomAdapter(
  svg: SVGSVGElement,
  groups: DiagramGroups,
  headerHeight: number,
  onView: (view: ViewWindow) => void,
  room = 0,
): ZoomAdapter {
  let measured: { readonly w: number; readonly h: number } | null = null;
  const read = () => ({ w: svg.clientWidth || 800, h: svg.clientHeight || 600 });
  const size = () => measured ?? read();
  /** The screen, as d3-zoom reads it for its bounds. */
  const readScreen = (): Extent => [
    [0, 0],
    [svg.width.baseVal.value, svg.height.baseVal.value],
  ];
  let measuredScreen: Extent | null = null;
  const screen = () => measuredScreen ?? readScreen();
  let view: View = IDENTITY;
  let bounds: Extent | null = null;
  let driver: ZoomDriver | null = null;
  let destroyed = false;
  let atFit = false;

  const apply = (t: View, byUser = false): void => {
    if (byUser) atFit = false;
    view = t;
    groups.content.setAttribute('transform', transformText(t));
    groups.header.setAttribute('transform', `translate(${t.x},0) scale(${t.k})`);
    // The time axis follows the rows but stays on screen when the diagram is panned left.
    groups.axis.setAttribute('transform', `translate(${Math.max(0, t.x)},${t.y}) scale(${t.k})`);
    groups.axis
      .querySelector('[data-role="axis-bg"]')
      ?.setAttribute('opacity', t.x < 0 ? '1' : '0');
    onView({ yMin: invertY(t, headerHeight * t.k), yMax: invertY(t, size().h) });
  };
  const show = (t: View) => (driver ? driver.show(t) : apply(t));
  const translateBy = (dx: number, dy: number) => {
    if (driver) driver.translateBy(dx, dy);
    else {
      const moved = translated(view, dx, dy);
      apply(bounds ? constrain(moved, screen(), bounds) : moved);
    }
  };

  const onWheel = (event: WheelEvent) => {
    if (event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    atFit = false;
    const unit = event.deltaMode === 1 ? 16 : event.deltaMode === 2 ? size().h : 1;
    const dx = event.shiftKey ? event.deltaY : event.deltaX;
    const dy = event.shiftKey ? 0 : event.deltaY;
    translateBy((-dx * unit) / view.k, (-dy * unit) / view.k);
  };
  svg.addEventListener('wheel', onWheel, { passive: false });

  let requested = false;
  const load = () => {
    if (requested) return;
    requested = true;
    void import('./d3Zoom').then(({ attachZoom }) => {
      if (destroyed) return;
      driver = attachZoom(svg, view, bounds, apply);
    });
  };
  const cancelIdle = whenIdle(load);
  // A touch of the diagram before the page is idle loads d3-zoom at once.
  const early = ['pointerdown', 'touchstart'] as const;
  for (const type of early) svg.addEventListener(type, load, { once: true, passive: true });

  return {
    fit(width, height, focusY, options) {
      const { w, h } = size();
      show(fitView(w, h, width, height, focusY, { room, ...options }));
      atFit = true;
    },
    fitted: () => atFit,
    actualSize(width, height, focusY) {
      const { w, h } = size();
      show(actualView(w, h, width, height, focusY));
      atFit = false;
    },
    measure() {
      measured = read();
      measuredScreen = readScreen();
    },
    setBounds(width, height) {
      bounds = boundsOf(width, height, size().h);
      driver?.setBounds(bounds);
    },
    settle(height) {
      const t = driver?.current() ?? view;
      const dy = settleScroll(t, size().h, height);
      if (dy !== 0) translateBy(0, dy);
    },
    ensureVisible(yTop, yBottom, x) {
      const t = driver?.current() ?? view;
      const { w, h } = size();
      const dy = scrollToShow(t, h, headerHeight, yTop, yBottom, Math.max(8, room));
      const dx = x ? scrollToShowX(t, w, x.axis, x.x0, x.x1) : 0;
      if (dx !== 0 || dy !== 0) translateBy(dx, dy);
    },
    destroy() {
      destroyed = true;
      cancelIdle();
      svg.removeEventListener('wheel', onWheel);
      for (const type of early) svg.removeEventListener(type, load);
      driver?.destroy();
      driver = null;
    },
  };
}
