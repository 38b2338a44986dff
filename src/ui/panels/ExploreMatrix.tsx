/**
 * The fix matrix: every fix's computed verdict at the current granularity and parameters
 * (committed, or judged live by "Compare all fixes"): ✓ how far it holds, ✗ where it fails
 * first, with one click to open that failing configuration and its shortest harmful race.
 * Click a row to switch to that fix.
 */
import { useEffect, useRef } from 'react';
import { verdictBrief } from '../../scenarios/verdictBrief';
import { useAppStore } from '../../store/index';
import { useConfig, useScenario } from '../hooks';
import { useVerdicts } from './useVerdicts';
import { OpenFailing } from './OpenFailing';
import { VerdictMark } from './VerdictMark';

/** Returns the matrix table (scrolled into view when it appears). */
export function ExploreMatrix() {
  const ref = useRef<HTMLTableElement>(null);
  // A block body: browsers where scrollIntoView returns a promise must not hand it to React as
  // the effect's cleanup.
  useEffect(() => {
    void ref.current?.scrollIntoView?.({ block: 'nearest' });
  }, []);
  const config = useConfig();
  const scenario = useScenario();
  const verdicts = useVerdicts();
  const setFix = useAppStore((s) => s.setFix);
  const sweeping = useAppStore((s) => s.explore.status === 'running' && s.explore.mode === 'sweep');
  return (
    <table className="matrix" data-testid="explore-matrix" ref={ref}>
      <thead>
        <tr>
          <th className="matrix-mark" aria-label="Verdict">
            <span aria-hidden="true">✓✗</span>
          </th>
          <th>Fix · harmful of all interleavings, over the sweep</th>
        </tr>
      </thead>
      <tbody>
        {scenario.fixes.map((fix) => {
          const verdict = verdicts.get(fix.id) ?? null;
          return (
            <tr
              key={fix.id}
              data-fix={fix.id}
              className={fix.id === config.fix ? 'is-current' : undefined}
              onClick={() => setFix(fix.id)}
              title={fix.summary}
            >
              <td className="matrix-mark">
                <VerdictMark fix={fix.id} verdict={verdict} testId="matrix-mark" />
              </td>
              <td>
                <span className="matrix-fix">{fix.label}</span>
                <span className="matrix-brief" title={verdict?.summary.line}>
                  {verdict
                    ? verdictBrief(scenario, verdict.summary, config.params)
                    : sweeping
                      ? 'judging…'
                      : 'not judged yet'}
                </span>
                {verdict?.summary.failing && (
                  <OpenFailing verdict={verdict.summary} label="Open failing configuration" />
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
