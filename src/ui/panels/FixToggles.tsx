/**
 * The fixes of the scenario, as a radio list: one fix at a time, "No fix" first.
 */
import { useAppStore } from '../../store/index';
import { useScenario } from '../hooks';

/** Returns the fix selector. */
export function FixToggles() {
  const scenario = useScenario();
  const fix = useAppStore((s) => s.fix);
  const setFix = useAppStore((s) => s.setFix);
  return (
    <section className="card">
      <h2 className="card-title">Fix</h2>
      <div className="fixes" role="radiogroup" aria-label="Fix">
        {scenario.fixes.map((f) => (
          <label key={f.id} className={f.id === fix ? 'fix is-on' : 'fix'} title={f.summary}>
            <input
              type="radio"
              name="fix"
              value={f.id}
              checked={f.id === fix}
              data-testid={`fix-${f.id}`}
              onChange={() => setFix(f.id)}
            />
            <span className="fix-text">
              <span className="fix-label">{f.label}</span>
              {f.id === fix && <span className="fix-summary">{f.summary}</span>}
            </span>
          </label>
        ))}
      </div>
    </section>
  );
}
