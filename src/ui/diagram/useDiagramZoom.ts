/**
 * Pan and zoom of the diagram: creates the zoom adapter on mount (its code is fetched after the
 * page's first diagram: the first paint shows the diagram at scale 1, as it did before its fit),
 * fits the diagram once its pane has been laid out and the adapter is at hand (without a render
 * of its own), again when the scenario changes (and, while the view is at Fit, when its pane
 * resizes), keeps the cursor in view when it moves, and reports the visible window (quantized,
 * so scrolling re-renders only when culling would change).
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { stepSpan } from '../../viz/stepSpan';
import type { DiagramLayout } from '../../viz/types';
import type { ViewWindow, ZoomAdapter } from './zoomAdapter';
import { widthScale } from './zoomScale';

type ZoomCode = typeof import('./zoomAdapter');
/** The zoom's code (the adapter and the view's rules), once fetched. */
let zoomCode: ZoomCode | null = null;
let zoomLoad: Promise<ZoomCode> | null = null;
/** Fetches the zoom's code (once; again after a failed fetch). */
const loadZoom = (): Promise<ZoomCode> =>
  (zoomLoad ??= import('./zoomAdapter').then(
    (code) => (zoomCode = code),
    (error: unknown) => {
      zoomLoad = null;
      throw error;
    },
  ));

/** Called once the first diagram's pane has been laid out and painted (see `firstFrame`). */
let framed: (() => void) | null = null;
const framedOnce = new Promise<void>((resolve) => {
  framed = () => {
    framed = null;
    resolve();
  };
});
/**
 * Resolves after the page's first diagram has been laid out (its pane's first observed size):
 * the zoom's code is fetched then, not with the page's first chunks.
 */
const firstFrame = (): Promise<void> =>
  typeof ResizeObserver === 'undefined' ? Promise.resolve() : framedOnce;

/** Layout px rendered around the viewport when culling, and the step the window moves by. */
const CULL_MARGIN = 600;
const CULL_CHUNK = 400;
const FIRST_VIEW: ViewWindow = { yMin: 0, yMax: 1200 };

/** `old` when `next` is the same window (so that state holding it does not change), else `next`. */
const sameWindow = (old: ViewWindow, next: ViewWindow): ViewWindow =>
  old.yMin === next.yMin && old.yMax === next.yMax ? old : next;

function quantize(view: ViewWindow): ViewWindow {
  return {
    yMin: Math.floor(view.yMin / CULL_CHUNK) * CULL_CHUNK - CULL_MARGIN,
    yMax: Math.ceil(view.yMax / CULL_CHUNK) * CULL_CHUNK + CULL_MARGIN,
  };
}

export interface DiagramRefs {
  readonly svgRef: RefObject<SVGSVGElement | null>;
  readonly contentRef: RefObject<SVGGElement | null>;
  readonly headerRef: RefObject<SVGGElement | null>;
  readonly axisRef: RefObject<SVGGElement | null>;
}

export interface DiagramZoom {
  /** The part of the layout to render (viewport plus margin). */
  readonly view: ViewWindow;
  fit(): void;
  actualSize(): void;
}

/** Room kept under the cursor line when presenting (layout units). */
export const LINE_ROOM = 10;

/** A size in layout units. */
export interface Size {
  readonly width: number;
  readonly height: number;
}

/** How the diagram is fitted and scrolled. */
export interface ZoomOptions {
  /** Keep the type large, for presenting. */
  readonly large?: boolean;
  /**
   * The size to choose the scale for, when it is not the diagram's, e.g. the whole run while
   * its steps are revealed one by one.
   */
  readonly whole?: Size | undefined;
  /** The smallest scale a fit chooses, e.g. a phone's, which then pans sideways. */
  readonly floor?: number;
  /** Screen px kept clear at the bottom, e.g. where the zoom buttons cover the diagram. */
  readonly room?: number;
  /**
   * The pane's height follows the diagram fitted to its width (a phone's): its resizes are not
   * fitted again, which would feed back into that height.
   */
  readonly paneFollows?: boolean;
  /**
   * Whether only the rows in the visible window are rendered: otherwise the window is not kept
   * in state, and a fit or a scroll renders nothing again.
   */
  readonly culls?: boolean;
}

/** Returns the visible window and the fit / 100% actions; `fitKey` changes trigger a fit. */
export function useDiagramZoom(
  layout: DiagramLayout,
  fitKey: string,
  { svgRef, contentRef, headerRef, axisRef }: DiagramRefs,
  {
    large = false,
    whole,
    floor = 0,
    room = 0,
    paneFollows = false,
    culls = true,
  }: ZoomOptions = {},
): DiagramZoom {
  const [view, setView] = useState<ViewWindow>(() => quantize(FIRST_VIEW));
  const adapterRef = useRef<ZoomAdapter | null>(null);
  const latestRef = useRef(view);
  const cullsRef = useRef(culls);
  const onView = useCallback((next: ViewWindow) => {
    const q = quantize(next);
    latestRef.current = q;
    if (cullsRef.current) setView((old) => sameWindow(old, q));
  }, []);
  useEffect(() => {
    cullsRef.current = culls;
    if (culls) setView((old) => sameWindow(old, latestRef.current));
  }, [culls]);
  // Set once the pane has been laid out (the first ResizeObserver callback, in the frame before
  // the first paint): the first fit, bounds and scroll wait for it, so that none of them forces
  // a layout of the page while it loads. Where there is no ResizeObserver, at once.
  const laidOutRef = useRef(typeof ResizeObserver === 'undefined');

  const { headerHeight, width, height, rowHeight } = layout;
  // Set once the zoom's code is at hand and the pane laid out: fits, bounds and scrolls the
  // diagram as the first layout would have (see the observer below).
  const placeRef = useRef<() => void>(() => undefined);
  // The adapter and the ResizeObserver are set up in the commit (they measure nothing), so the
  // observer's first callback comes in the first frame. The zoom's code is fetched after it
  // (see below) on the page's first diagram; the adapter is made when it arrives.
  useLayoutEffect(() => {
    let adapter: ZoomAdapter | null = null;
    let mounted = true;
    const attach = (code: ZoomCode) => {
      const svg = svgRef.current;
      const content = contentRef.current;
      const header = headerRef.current;
      const axis = axisRef.current;
      if (!mounted || !svg || !content || !header || !axis) return;
      const groups = { content, header, axis };
      adapter = code.createZoomAdapter(svg, groups, headerHeight, onView, room);
      adapterRef.current = adapter;
      if (laidOutRef.current && !zoomReady) placeRef.current();
    };
    // Whether the code was at hand in the commit (the layout's own fit then places it).
    const zoomReady = zoomCode !== null;
    if (zoomCode) attach(zoomCode);
    else
      void (laidOutRef.current ? loadZoom() : firstFrame().then(loadZoom)).then(
        attach,
        () => undefined,
      );
    return () => {
      mounted = false;
      adapter?.destroy();
      adapterRef.current = null;
    };
  }, [svgRef, contentRef, headerRef, axisRef, headerHeight, onView, room]);

  useEffect(() => {
    if (laidOutRef.current) adapterRef.current?.setBounds(width, height);
  }, [width, height]);

  const cursorY = layout.cursor.y;
  const lineY = layout.band.top;
  const sizeRef = useRef({ width, height, cursorY, lineY, whole });
  useLayoutEffect(() => {
    sizeRef.current = { width, height, cursorY, lineY, whole };
  }, [width, height, cursorY, lineY, whole]);
  const fit = useCallback(() => {
    const s = sizeRef.current;
    if (!large)
      return adapterRef.current?.fit(s.width, s.height, s.cursorY, { whole: s.whole, floor });
    // Presenting, what must fit is the run down to the cursor line under the current step
    // (the empty band and margin below it may fall off the bottom).
    const drawn = s.lineY + LINE_ROOM;
    const whole = s.whole ?? { width: s.width, height: drawn };
    adapterRef.current?.fit(s.width, drawn, s.cursorY, { large, whole, floor });
  }, [large, floor]);
  const actualSize = useCallback(() => {
    const s = sizeRef.current;
    adapterRef.current?.actualSize(s.width, s.height, s.cursorY);
  }, []);
  useEffect(() => {
    if (laidOutRef.current) fit();
  }, [fit, fitKey]);
  // The scroll that keeps the current step in view (see below), as last asked for.
  const showRef = useRef<() => void>(() => undefined);
  // The pane is laid out for the first time: the diagram is fitted and scrolled as it would
  // have been on mount. Then, when the pane changes size (the window resized, the chance strip
  // under the timeline loaded, notes shown while presenting): a view at Fit, or presenting, is
  // fitted again. Otherwise the user's pan and zoom are kept, and a diagram that grew (a
  // phone's pane follows the run) keeps no blank under a scrolled view.
  useLayoutEffect(() => {
    const svg = svgRef.current;
    if (!svg || typeof ResizeObserver === 'undefined') return undefined;
    const place = () => {
      adapterRef.current?.setBounds(sizeRef.current.width, sizeRef.current.height);
      fit();
      showRef.current();
    };
    placeRef.current = () => {
      adapterRef.current?.measure();
      place();
    };
    const observer = new ResizeObserver(() => {
      const adapter = adapterRef.current;
      adapter?.measure();
      if (!laidOutRef.current)
        // In a task of its own after this frame, which lays out the whole page already.
        setTimeout(() => {
          laidOutRef.current = true;
          framed?.();
          place();
        }, 0);
      else if (large || (!paneFollows && adapter?.fitted())) fit();
      else adapter?.settle(sizeRef.current.height);
    });
    observer.observe(svg);
    return () => observer.disconnect();
  }, [large, paneFollows, fit, svgRef]);

  const { top: bandTop, height: bandHeight } = layout.band;
  // Sideways, the current step's arrows and marks, right of the time axis pinned at the left.
  const span = stepSpan(layout);
  const x0 = span?.x0 ?? NaN;
  const x1 = span?.x1 ?? NaN;
  const axis =
    layout.lifelines.reduce((x, l) => Math.min(x, l.x), Infinity) - layout.columnWidth / 2;
  useLayoutEffect(() => {
    // Presenting, the cursor line (fitted with LINE_ROOM under it, see fit).
    const bottom = large ? bandTop + 2 : bandTop + bandHeight;
    const x = Number.isNaN(x0) ? undefined : { x0, x1, axis };
    showRef.current = () => adapterRef.current?.ensureVisible(bandTop - rowHeight, bottom, x);
  }, [bandTop, bandHeight, rowHeight, large, x0, x1, axis]);
  useEffect(() => {
    if (laidOutRef.current) showRef.current();
  }, [bandTop, bandHeight, rowHeight, large, x0, x1, axis]);

  return { view, fit, actualSize };
}

/**
 * Reports to `report` the height (px) of `layout` fitted to the width of `svgRef`'s svg (as
 * `fit` scales a diagram that is wide rather than tall, never under `floor`), whenever the
 * width or the layout's size changes. Does nothing without `report`.
 */
export function useFitHeight(
  svgRef: RefObject<SVGSVGElement | null>,
  layout: Size,
  report: ((height: number) => void) | undefined,
  floor = 0,
): void {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const svg = svgRef.current;
    if (!report || !svg) return undefined;
    setWidth(svg.clientWidth);
    if (typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(() => setWidth(svg.clientWidth));
    observer.observe(svg);
    return () => observer.disconnect();
  }, [svgRef, report]);
  useEffect(() => {
    if (report && width > 0)
      report(Math.ceil(layout.height * widthScale(width, layout.width, floor)));
  }, [report, width, layout.height, layout.width, floor]);
}
