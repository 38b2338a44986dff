/**
 * The live sequence diagram: d3 computes (src/viz layout), React renders the SVG, and d3 owns
 * the DOM only for pan and zoom (see zoomAdapter). Long traces render only the rows in view.
 */
import { useCallback, useEffect, useId, useMemo, useRef } from 'react';
import type { Trace } from '../../engine/replay';
import type { Model, Step } from '../../engine/types';
import type { ScenarioDef } from '../../scenarios/types';
import { visibleLayout, shouldCull } from '../../viz/cull';
import type { DivergenceInput } from '../../viz/divergence';
import { layoutDiagram } from '../../viz/layout';
import { metricsOf } from '../../viz/metrics';
import { withNotes } from '../../viz/notes';
import { DiagramLayers } from './DiagramLayers';
import { LifelineHeaders } from './Lifelines';
import { TimeAxis } from './Rows';
import { FONT, PALETTE } from './palette';
import { useDiagramZoom, useFitHeight, type Size } from './useDiagramZoom';
import { ZOOM_BUTTONS, ZoomControls } from './ZoomControls';
import { PHONE_MIN_SCALE } from './zoomScale';

export interface SequenceDiagramProps {
  scenario: ScenarioDef;
  model: Model;
  trace: Trace;
  /** Steps shown as happened: 0..trace.records.length; later steps are drawn faded. */
  cursor: number;
  /** Steps enabled at the cursor's world, drawn as ghost arrows. */
  enabled: readonly Step[];
  /** The user chose a ghost arrow: deliver that step next. */
  onChoose(key: string): void;
  /** The user clicked a row: move the cursor to just after that step. */
  onSeek(cursor: number): void;
  /** When `trace` is a pinned run replayed under a fix where it stops early: the marker text. */
  divergence?: DivergenceInput | null;
  /** Accessible title of the svg. */
  title?: string;
  /**
   * Render only the rows in view for long traces (default true). Turn off to get the whole
   * diagram in the DOM, e.g. for an SVG export.
   */
  cull?: boolean;
  /** The run's step notes (1-based step number → plain text), drawn beside their steps. */
  notes?: Readonly<Record<string, string>>;
  /** Presentation: fit for large type rather than to show everything (see zoomAdapter). */
  large?: boolean;
  /**
   * The size to fit when it is not this diagram's: presenting, the whole run's, so the scale
   * is chosen once and the steps revealed fill the stage downwards.
   */
  fitTo?: Size;
  /**
   * Called with the height (px) the diagram takes fitted to its width, as that changes: a
   * phone sizes the diagram's pane by it. The frame then has no minimum height.
   */
  onFitHeight?: ((height: number) => void) | undefined;
  /**
   * A phone: narrow lanes (see `phoneMetrics`) at a scale where the text is read, panned
   * sideways where the diagram is wider than the screen.
   */
  phone?: boolean;
}

/** Returns the sequence diagram of `trace` at `cursor`, with ghost arrows for `enabled`. */
export function SequenceDiagram(props: SequenceDiagramProps) {
  const { scenario, model, trace, cursor, enabled, onChoose, onSeek } = props;
  const divergence = props.divergence ?? null;
  const { notes } = props;
  const phone = props.phone === true;
  const layout = useMemo(() => {
    const metrics = metricsOf(model.actors, phone);
    const input = { scenario, model, trace, cursor, enabled, divergence, metrics };
    return withNotes(layoutDiagram(input), notes);
  }, [scenario, model, trace, cursor, enabled, divergence, notes, phone]);
  const svgRef = useRef<SVGSVGElement>(null);
  const contentRef = useRef<SVGGElement>(null);
  const headerRef = useRef<SVGGElement>(null);
  const axisRef = useRef<SVGGElement>(null);
  // Refit when the scenario or its configuration changes, or the notes column comes or goes,
  // not on every step.
  const { fitTo } = props;
  const fitKey = `${scenario.id}|${model.actors.map((a) => a.id).join(',')}|${model.granularity}|${layout.notes ? 'notes' : ''}|${fitTo ? `${fitTo.width}x${fitTo.height}` : ''}|${phone ? 'phone' : ''}`;
  const floor = phone ? PHONE_MIN_SCALE : 0;
  // A phone's view is often scrolled to the current step: kept clear of the zoom buttons.
  const room = phone ? ZOOM_BUTTONS : 0;
  const large = props.large === true;
  const culled = props.cull !== false && shouldCull(layout);
  const { view, fit, actualSize } = useDiagramZoom(
    layout,
    fitKey,
    { svgRef, contentRef, headerRef, axisRef },
    {
      large,
      whole: fitTo,
      floor,
      room,
      paneFollows: props.onFitHeight !== undefined,
      culls: culled,
    },
  );
  useFitHeight(svgRef, layout, props.onFitHeight, floor);
  const shown = useMemo(
    () => (culled ? visibleLayout(layout, view.yMin, view.yMax) : layout),
    [culled, layout, view],
  );
  const titleId = useId();

  // A keyboard user who takes a step keeps the keyboard on the new ghosts. The row the step
  // was chosen at is kept until the cursor has moved: the step may wait for the model to load,
  // and the page may be redrawn (same ghosts) before it is taken.
  const keyboardRef = useRef<number | null>(null);
  const cursorRow = layout.cursor.row;
  const choose = useCallback(
    (key: string, viaKeyboard: boolean) => {
      keyboardRef.current = viaKeyboard ? cursorRow : null;
      onChoose(key);
    },
    [onChoose, cursorRow],
  );
  useEffect(() => {
    if (keyboardRef.current === null || keyboardRef.current === cursorRow) return;
    keyboardRef.current = null;
    svgRef.current?.querySelector<SVGGElement>('[role="button"][data-key]')?.focus();
  }, [layout.ghosts, cursorRow]);

  const title = props.title ?? `Sequence diagram: ${scenario.title}`;
  return (
    <div
      data-testid="sequence-diagram-frame"
      style={{
        position: 'relative',
        width: '100%',
        height: '100%',
        // Sized by its container where it sets the pane's height or fills a stage.
        minHeight: props.onFitHeight || fitTo ? 0 : 360,
      }}
    >
      <svg
        ref={svgRef}
        data-testid="sequence-diagram"
        data-steps={trace.records.length}
        data-cursor={layout.cursor.row}
        role="group"
        aria-labelledby={titleId}
        xmlns="http://www.w3.org/2000/svg"
        width="100%"
        height="100%"
        fontFamily={FONT}
        style={{
          display: 'block',
          position: 'absolute',
          inset: 0,
          touchAction: 'none',
          background: PALETTE.background,
        }}
      >
        <title id={titleId}>{title}</title>
        <g ref={contentRef}>
          <DiagramLayers layout={shown} onSeek={onSeek} onChoose={choose} />
        </g>
        <g ref={axisRef}>
          <TimeAxis layout={shown} onSeek={onSeek} />
        </g>
        <g ref={headerRef}>
          <LifelineHeaders layout={shown} />
        </g>
      </svg>
      <ZoomControls onFit={fit} onActualSize={actualSize} />
    </div>
  );
}
