/**
 * d3-zoom on the diagram's svg (loaded after the first diagram): drag pans, Ctrl/⌘ + wheel or
 * a pinch zooms. It starts from the view already shown and reports every change.
 */
import { select } from 'd3-selection';
import { zoom, zoomIdentity, zoomTransform, type ZoomTransform } from 'd3-zoom';
import type { Extent, View } from './zoomView';

/** d3-zoom bound to one svg. */
export interface ZoomDriver {
  /** Shows `view` (no bounds applied, as d3-zoom's `transform`). */
  show(view: View): void;
  /** Moves by (dx, dy) layout units within the bounds. */
  translateBy(dx: number, dy: number): void;
  setBounds(bounds: Extent): void;
  current(): View;
  destroy(): void;
}

const toTransform = (v: View): ZoomTransform => zoomIdentity.translate(v.x, v.y).scale(v.k);

/**
 * Attaches d3-zoom to `svg`, starting at `start`; `onZoom` gets every view it shows, and
 * whether a gesture of the user's (a drag, a pinch, Ctrl/⌘ + wheel) moved it.
 */
export function attachZoom(
  svg: SVGSVGElement,
  start: View,
  bounds: Extent | null,
  onZoom: (view: View, byUser: boolean) => void,
): ZoomDriver {
  const selection = select(svg);
  const behavior = zoom<SVGSVGElement, unknown>()
    .scaleExtent([0.15, 4])
    .filter((event: Event) => {
      if (event.type === 'wheel')
        return (event as WheelEvent).ctrlKey || (event as WheelEvent).metaKey;
      return !(event as MouseEvent).ctrlKey && !(event as MouseEvent).button;
    })
    .on('zoom', (event: { transform: ZoomTransform; sourceEvent: Event | null }) =>
      onZoom(event.transform, event.sourceEvent != null),
    );
  if (bounds) behavior.translateExtent(bounds as [[number, number], [number, number]]);
  selection.call(behavior).on('dblclick.zoom', null);
  behavior.transform(selection, toTransform(start));
  return {
    show: (view) => behavior.transform(selection, toTransform(view)),
    translateBy: (dx, dy) => behavior.translateBy(selection, dx, dy),
    setBounds: (extent) =>
      void behavior.translateExtent(extent as [[number, number], [number, number]]),
    current: () => zoomTransform(svg),
    destroy: () => void selection.on('.zoom', null),
  };
}
