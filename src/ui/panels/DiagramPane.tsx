/**
 * The centre: the sequence diagram of the pinned schedule at the cursor, with a small status
 * line above it (where we are, whether harm happened; a diagnostic alone is calm); on a phone,
 * the current step in words below it.
 */
import { useAppStore } from '../../store/index';
import { useMemo, useState, type CSSProperties } from 'react';
import { divergenceInput } from '../../viz/divergence';
import {
  useDivergence,
  useEnabled,
  useModel,
  useScenario,
  useShownCursor,
  useTrace,
} from '../hooks';
import { DiagramLegend } from '../diagram/Legend';
import { SequenceDiagram } from '../diagram/SequenceDiagram';
import { ZOOM_BUTTONS } from '../diagram/ZoomControls';
import { PHONE_QUERY, useMediaQuery } from '../layout/useMediaQuery';
import { useSecondFrame } from '../layout/useSecondFrame';
import { TitleEditor } from './NoteEditor';
import { StepCaption } from './StepCaption';
import { useViolationSplit } from './useHarm';

/** Room (px) under the diagram for the zoom buttons' strip over its bottom. */
const ZOOM_BAR = ZOOM_BUTTONS + 4;

/** Returns the diagram pane. */
export function DiagramPane() {
  const scenario = useScenario();
  const model = useModel();
  const trace = useTrace();
  const enabled = useEnabled();
  const cursor = useShownCursor();
  const choose = useAppStore((s) => s.choose);
  const seek = useAppStore((s) => s.seek);
  const notes = useAppStore((s) => s.annotations.notes);
  const split = useViolationSplit();
  const broken = split.harm.length > 0;
  const diagnosed = split.diagnostics.length > 0;
  const story = useDivergence();
  const marker = useMemo(() => (story ? divergenceInput(story) : null), [story]);
  const stopped = story !== null && cursor === trace.records.length;
  const atEnd = cursor === trace.records.length && enabled.length === 0 && !story;
  // On a phone the diagram is as tall as it is fitted to the width (up to the room there is),
  // with room under it for the zoom buttons; the current step's caption takes the rest.
  const phone = useMediaQuery(PHONE_QUERY);
  // The legend a frame after the diagram (see useSecondFrame).
  const second = useSecondFrame();
  const [fitHeight, setFitHeight] = useState<number | null>(null);
  const bodyStyle =
    phone && fitHeight !== null
      ? ({ '--fit-height': `${fitHeight + ZOOM_BAR}px` } as CSSProperties)
      : undefined;
  return (
    <section className="column column-centre card diagram-card" aria-label="Sequence diagram">
      <div className="diagram-head">
        <h2 className="card-title sr-only">Sequence diagram</h2>
        <TitleEditor />
        <span
          className={
            broken
              ? 'pill pill-bad'
              : stopped
                ? 'pill pill-warn'
                : diagnosed
                  ? 'pill pill-diagnostic'
                  : atEnd
                    ? 'pill pill-good'
                    : 'pill'
          }
          data-testid="diagram-status"
        >
          {broken
            ? 'Harm: invariant broken'
            : stopped
              ? `The pinned run stops here with ${story.setting}`
              : diagnosed
                ? atEnd
                  ? 'Run complete: no harm (diagnostic only)'
                  : 'Diagnostic only: no harm so far'
                : atEnd
                  ? 'Run complete: all consistent'
                  : cursor === 0
                    ? 'Ready: press Step or click a dashed arrow'
                    : `${enabled.length} possible next ${enabled.length === 1 ? 'event' : 'events'}`}
        </span>
      </div>
      <div className="diagram-body" style={bodyStyle}>
        <SequenceDiagram
          scenario={scenario}
          model={model}
          trace={trace}
          cursor={cursor}
          enabled={enabled}
          divergence={marker}
          onChoose={choose}
          onSeek={seek}
          title={scenario.title}
          notes={notes}
          onFitHeight={phone ? setFitHeight : undefined}
          phone={phone}
        />
      </div>
      {phone && <StepCaption />}
      {second && <DiagramLegend />}
    </section>
  );
}
