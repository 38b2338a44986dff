/**
 * What broke at or before the cursor. Harm (the incident's symptom) is a red alert with the
 * critical reordering that caused it; diagnostics without harm are a calm note saying why
 * they do no harm here.
 */
import { criticalReordering } from '../../scenarios/narrate';
import type { DiagnosticNote } from '../../scenarios/harm';
import { useAppStore } from '../../store/index';
import { useModel, useTrace } from '../hooks';
import { useViolationSplit } from './useHarm';

/** Returns the diagnostics note: what fired, and why it is harmless in this run. */
function DiagnosticSummary({ notes }: { notes: readonly DiagnosticNote[] }) {
  const seek = useAppStore((s) => s.seek);
  return (
    <div className="diagnostic" role="status" data-testid="diagnostic-summary">
      {notes.map((d) => (
        <div key={d.invariant} className="diagnostic-item">
          <p className="diagnostic-title">
            <span className="diagnostic-icon" aria-hidden="true">
              i
            </span>
            <span className="diagnostic-name">{d.title}</span>
            {d.step >= 0 && (
              <button type="button" className="diagnostic-step" onClick={() => seek(d.step + 1)}>
                at step {d.step + 1}
              </button>
            )}
          </p>
          <p className="diagnostic-why" data-testid="diagnostic-why">
            <strong>Diagnostic, no harm:</strong> {d.why}
          </p>
          <p className="diagnostic-message">{d.message}</p>
        </div>
      ))}
    </div>
  );
}

/** Returns the harm alert or the diagnostics note, or nothing while every invariant holds. */
export function ViolationSummary() {
  const trace = useTrace();
  const model = useModel();
  const seek = useAppStore((s) => s.seek);
  const { harm, diagnostics } = useViolationSplit();
  const first = harm[0];
  if (!first) return diagnostics.length > 0 ? <DiagnosticSummary notes={diagnostics} /> : null;
  const seen = [...harm, ...trace.violations.filter((v) => v.step <= first.step)];
  const reordering = seen.map((v) => criticalReordering(trace, v, model)).find((r) => r !== null);
  const titles = new Map(model.invariants.map((i) => [i.id, i.title]));
  const messages = [...new Set(harm.map((v) => v.message))];
  const also = diagnostics.map((d) => `Diagnostic: ${d.title} (${d.message})`);
  const more = [...messages.slice(1), ...also];
  return (
    <div className="violation" role="alert" data-testid="violation-summary">
      <p className="violation-title">
        <span>
          <span className="violation-icon" aria-hidden="true">
            !
          </span>
          {titles.get(first.invariant) ?? first.invariant}
        </span>
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
      {more.length > 0 && (
        <details className="violation-more">
          <summary>{more.length} more</summary>
          <ul className="violation-messages">
            {more.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </details>
      )}
      <p className="violation-hint">
        Pick a fix under Fix: this same schedule is replayed with it.
      </p>
    </div>
  );
}
