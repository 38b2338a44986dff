/**
 * The centre: the sequence diagram of the pinned schedule at the cursor, with a small status
 * line above it (where we are, whether something broke).
 */
import { useAppStore } from '../../store/index';
import { useEnabled, useModel, useScenario, useTrace } from '../hooks';
import { SequenceDiagram } from '../diagram/SequenceDiagram';

/** Returns the diagram pane. */
export function DiagramPane() {
  const scenario = useScenario();
  const model = useModel();
  const trace = useTrace();
  const enabled = useEnabled();
  const cursor = useAppStore((s) => s.cursor);
  const choose = useAppStore((s) => s.choose);
  const seek = useAppStore((s) => s.seek);
  const broken = trace.violations.some((v) => v.step < cursor);
  const atEnd = cursor === trace.records.length && enabled.length === 0;
  return (
    <section className="column column-centre card diagram-card" aria-label="Sequence diagram">
      <div className="diagram-head">
        <h2 className="card-title">Sequence diagram</h2>
        <span
          className={broken ? 'pill pill-bad' : atEnd ? 'pill pill-good' : 'pill'}
          data-testid="diagram-status"
        >
          {broken
            ? 'Invariant broken'
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
          onChoose={choose}
          onSeek={seek}
          title={scenario.title}
        />
      </div>
    </section>
  );
}
