/**
 * The red summary shown once an invariant has broken at or before the cursor: what broke,
 * and the critical reordering that caused it.
 */
import { criticalReordering } from '../../scenarios/narrate';
import { useAppStore } from '../../store/index';
import { useModel, useShownCursor, useTrace } from '../hooks';

/** Returns the violation summary, or nothing while every invariant holds. */
export function ViolationSummary() {
  const trace = useTrace();
  const model = useModel();
  const cursor = useShownCursor();
  const seek = useAppStore((s) => s.seek);
  const seen = trace.violations.filter((v) => v.step < cursor);
  const first = seen[0];
  if (!first) return null;
  const reordering = seen.map((v) => criticalReordering(trace, v, model)).find((r) => r !== null);
  const titles = new Map(model.invariants.map((i) => [i.id, i.title]));
  const messages = [...new Set(seen.map((v) => v.message))];
  return (
    <div className="violation" role="alert" data-testid="violation-summary">
      <p className="violation-title">
        {titles.get(first.invariant) ?? first.invariant}
        {first.step >= 0 && (
          <button type="button" className="violation-step" onClick={() => seek(first.step + 1)}>
            at step {first.step + 1}
          </button>
        )}
      </p>
      {reordering && (
        <p className="violation-why" data-testid="critical-reordering">
          Why: {reordering}.
        </p>
      )}
      <p className="violation-message">{messages[0]}</p>
      {messages.length > 1 && (
        <details className="violation-more">
          <summary>{messages.length - 1} more</summary>
          <ul className="violation-messages">
            {messages.slice(1).map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </details>
      )}
      <p className="violation-hint">
        Pick a fix on the left: this same schedule is replayed with it.
      </p>
    </div>
  );
}
