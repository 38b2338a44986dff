/**
 * The fix matrix: for every fix already explored, interleavings and violating ones. Click a
 * row to switch to that fix.
 */
import { configKey } from '../../scenarios/session';
import type { FixDef, ScenarioDef } from '../../scenarios/types';
import { useAppStore, type ExploreSummary } from '../../store/index';
import { useConfig, useScenario } from '../hooks';
import { verdictOf } from './verdict';

function cell(scenario: ScenarioDef, fix: FixDef, result: ExploreSummary | undefined) {
  const verdict = result ? verdictOf(scenario, result) : null;
  if (!result || !verdict) return { text: result ? '?' : '…', tone: '', title: undefined };
  if (verdict.tone === 'bad') {
    return {
      text: (result.violatingHarm ?? 0).toLocaleString('en'),
      tone: 'is-bad',
      title: undefined,
    };
  }
  const title = verdict.note ? `${fix.label}: ${verdict.note}` : undefined;
  return { text: '0 ✓', tone: 'is-good', title };
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
            const c = cell(scenario, fix, result);
            return (
              <tr
                key={fix.id}
                className={fix.id === config.fix ? 'is-current' : undefined}
                onClick={() => setFix(fix.id)}
                title={fix.summary}
              >
                <td>{fix.label}</td>
                <td className="num">{result?.interleavings?.toLocaleString('en') ?? '…'}</td>
                <td className={`num ${c.tone}`} title={c.title}>
                  {c.text}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
