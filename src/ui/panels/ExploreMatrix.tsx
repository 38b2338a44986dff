/**
 * The fix matrix: for every fix already explored, interleavings and violating ones. Click a
 * row to switch to that fix.
 */
import { configKey } from '../../scenarios/session';
import type { FixDef } from '../../scenarios/types';
import { useAppStore, type ExploreSummary } from '../../store/index';
import { useConfig, useScenario } from '../hooks';
import { verdictOf } from './verdict';

function cell(fix: FixDef, result: ExploreSummary | undefined) {
  const verdict = result ? verdictOf(fix, result) : null;
  if (!result || !verdict) return { text: result ? '?' : '…', tone: '', title: undefined };
  if (verdict.tone === 'bad') {
    return {
      text: (result.violatingAny ?? 0).toLocaleString('en'),
      tone: 'is-bad',
      title: undefined,
    };
  }
  const title = verdict.note ? `${fix.label}: ${verdict.note}` : undefined;
  return verdict.tone === 'good'
    ? { text: '0 ✓', tone: 'is-good', title }
    : { text: '0 †', tone: 'is-warn', title };
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
  const caveat = rows.some((r) => r.result && verdictOf(r.fix, r.result)?.tone === 'warn');
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
            const c = cell(fix, result);
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
      {caveat && (
        <p className="matrix-note">
          † None fails in this model, yet the fix is not a general cure: raise a number under Model
          to see it fail.
        </p>
      )}
    </>
  );
}
