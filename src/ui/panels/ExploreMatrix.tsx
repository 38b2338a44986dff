/**
 * The fix matrix: for every fix already explored, interleavings and violating ones. Click a
 * row to switch to that fix.
 */
import { configKey } from '../../scenarios/session';
import { useAppStore } from '../../store/index';
import { useConfig, useScenario } from '../hooks';

function cellClass(bad: number | null, closes: boolean): string {
  if (bad === null) return 'num';
  return bad > 0 ? 'num is-bad' : closes ? 'num is-good' : 'num is-warn';
}

function cellTitle(bad: number | null, closes: boolean): string | undefined {
  if (bad !== 0 || closes) return undefined;
  return 'No failing order in this model, but this fix does not close the race in general';
}

/** Returns the matrix table, or nothing until two fixes have results. */
export function ExploreMatrix() {
  const config = useConfig();
  const scenario = useScenario();
  const results = useAppStore((s) => s.results);
  const setFix = useAppStore((s) => s.setFix);
  const rows = scenario.fixes.map((f) => ({
    fix: f,
    result: results[configKey({ ...config, fix: f.id })],
  }));
  if (rows.filter((r) => r.result).length < 2) return null;
  const caveat = rows.some((r) => r.result?.violatingAny === 0 && !r.fix.closes);
  return (
    <>
      <table className="matrix" data-testid="explore-matrix">
        <thead>
          <tr>
            <th>Fix</th>
            <th className="num">Orders</th>
            <th className="num">Failing</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ fix, result }) => {
            const bad = result?.violatingAny ?? null;
            return (
              <tr
                key={fix.id}
                className={fix.id === config.fix ? 'is-current' : undefined}
                onClick={() => setFix(fix.id)}
                title={fix.summary}
              >
                <td>{fix.label}</td>
                <td className="num">{result?.interleavings?.toLocaleString('en') ?? '…'}</td>
                <td className={cellClass(bad, fix.closes)} title={cellTitle(bad, fix.closes)}>
                  {bad === null
                    ? '…'
                    : bad > 0
                      ? bad.toLocaleString('en')
                      : fix.closes
                        ? '0 ✓'
                        : '0 †'}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {caveat && (
        <p className="matrix-note">
          † None fails in this model, yet the fix is not a general cure: raise a number under Model
          to see it fail.
        </p>
      )}
    </>
  );
}
