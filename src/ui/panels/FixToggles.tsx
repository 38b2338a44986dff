/**
 * The fixes of the scenario, as a radio list: one fix at a time, "No fix" first. Each fix
 * shows its computed verdict's mark; the selected one its verdict line, or a button that
 * judges it when these parameters were not judged yet.
 */
import { useAppStore } from '../../store/index';
import { judgeFixes } from '../explore/onDemand';
import { useScenario } from '../hooks';
import { OpenFailing } from './OpenFailing';
import { useVerdicts } from './useVerdicts';
import { VerdictMark } from './VerdictMark';

/** Returns the verdict line of the selected fix, or the offer to judge it. */
function SelectedVerdict({ fix }: { fix: string }) {
  const verdict = useVerdicts().get(fix) ?? null;
  const running = useAppStore((s) => s.explore.status === 'running');
  if (verdict) {
    const tone =
      verdict.summary.mark === '✗' ? 'is-bad' : verdict.summary.mark === '✓' ? 'is-good' : '';
    return (
      <span className={`fix-verdict ${tone}`} data-testid="fix-verdict">
        {verdict.summary.line}
        {verdict.summary.failing && (
          <>
            {' '}
            <OpenFailing verdict={verdict.summary} label="Open it" testId="fix-open-failing" />
          </>
        )}
      </span>
    );
  }
  return (
    <span className="fix-verdict is-unknown" data-testid="fix-verdict">
      Not judged for these parameters yet.{' '}
      <button
        type="button"
        className="link-button"
        data-testid="judge-fix"
        disabled={running}
        onClick={() => judgeFixes([fix])}
      >
        Judge this fix
      </button>
    </span>
  );
}

/** Returns the fix selector. */
export function FixToggles() {
  const scenario = useScenario();
  const fix = useAppStore((s) => s.fix);
  const setFix = useAppStore((s) => s.setFix);
  const verdicts = useVerdicts();
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
              <span className="fix-head">
                <span className="fix-label">{f.label}</span>
                <VerdictMark
                  fix={f.id}
                  verdict={verdicts.get(f.id) ?? null}
                  testId={`fix-mark-${f.id}`}
                />
              </span>
              {f.id === fix && <span className="fix-summary">{f.summary}</span>}
              {f.id === fix && <SelectedVerdict fix={f.id} />}
            </span>
          </label>
        ))}
      </div>
    </section>
  );
}
