/**
 * The centre: the sequence diagram of the pinned schedule at the cursor, with a small status
 * line above it (where we are, whether harm happened; a diagnostic alone is calm).
 */
import { useAppStore } from '../../store/index';
import { useMemo } from 'react';
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
import { TitleEditor } from './NoteEditor';
import { useViolationSplit } from './useHarm';

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
      <div className="diagram-body">
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
        />
      </div>
      <DiagramLegend />
    </section>
  );
}
