/**
 * The centre: the sequence diagram of the pinned schedule at the cursor, with a small status
 * line above it (where we are, whether something broke).
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
import { SequenceDiagram } from '../diagram/SequenceDiagram';

/** Returns the diagram pane. */
export function DiagramPane() {
  const scenario = useScenario();
  const model = useModel();
  const trace = useTrace();
  const enabled = useEnabled();
  const cursor = useShownCursor();
  const choose = useAppStore((s) => s.choose);
  const seek = useAppStore((s) => s.seek);
  const broken = trace.violations.some((v) => v.step < cursor);
  const story = useDivergence();
  const marker = useMemo(() => (story ? divergenceInput(story) : null), [story]);
  const stopped = story !== null && cursor === trace.records.length;
  const atEnd = cursor === trace.records.length && enabled.length === 0 && !story;
  return (
    <section className="column column-centre card diagram-card" aria-label="Sequence diagram">
      <div className="diagram-head">
        <h2 className="card-title">Sequence diagram</h2>
        <span
          className={
            broken
              ? 'pill pill-bad'
              : atEnd
                ? 'pill pill-good'
                : stopped
                  ? 'pill pill-warn'
                  : 'pill'
          }
          data-testid="diagram-status"
        >
          {broken
            ? 'Invariant broken'
            : atEnd
              ? 'Run complete: all consistent'
              : stopped
                ? `The pinned run stops here with ${story.setting}`
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
        />
      </div>
    </section>
  );
}
