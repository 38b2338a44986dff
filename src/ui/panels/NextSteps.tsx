/**
 * The events that can happen next, as buttons: the pinned next one is marked; choosing
 * another rewrites the future from here.
 */
import { describeEnabled } from '../../scenarios/session';
import { selectCursor, useAppStore } from '../../store/index';
import { useEnabled, useModel, useScenario } from '../hooks';

/** Returns the "What can happen next" list. */
export function NextSteps() {
  const scenario = useScenario();
  const model = useModel();
  const enabled = useEnabled();
  const pinned = useAppStore((s) => s.schedule[selectCursor(s)]);
  const choose = useAppStore((s) => s.choose);
  return (
    <div className="next" aria-label="What can happen next">
      <h3 className="next-title">
        {enabled.length > 0 ? 'What can happen next' : 'Nothing else can happen: the run is over.'}
      </h3>
      {enabled.length > 0 && (
        <ul className="next-list">
          {enabled.map((step) => (
            <li key={step.key}>
              <button
                type="button"
                className={step.key === pinned ? 'next-step is-pinned' : 'next-step'}
                data-testid="next-step"
                data-key={step.key}
                onClick={() => choose(step.key)}
              >
                <span className={`next-kind next-kind-${step.kind}`} aria-hidden="true" />
                <span>{describeEnabled(scenario, model, step)}</span>
                {step.key === pinned && <span className="next-pinned">next</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
