/**
 * The fix matrix: for every fix already explored, interleavings and violating ones. Click a
 * row to switch to that fix.
 */
import { configKey } from '../../scenarios/session';
import { useAppStore } from '../../store/index';
import { useConfig, useScenario } from '../hooks';

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
  return (
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
              <td className={bad === null ? 'num' : bad > 0 ? 'num is-bad' : 'num is-good'}>
                {bad === null ? '…' : bad > 0 ? bad.toLocaleString('en') : '0 ✓'}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
