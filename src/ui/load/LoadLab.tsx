/**
 * The Load lab page: a load scenario's fixes run on the same seeded arrivals in a worker, with
 * a chart per series (every fix overlaid), the before/after table and CSV export. Its state
 * (scenario, seed, parameters) lives in the address, so a link reproduces the same figures.
 */
import { schemeTableau10 } from 'd3-scale-chromatic';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { LoadTable } from '../../scenarios/load/harness';
import { LOAD_SCENARIOS, findLoadScenario } from '../../scenarios/load/index';
import { seriesCsv, tableCsv } from '../../scenarios/load/csv';
import { decodeLoadLink, encodeLoadLink, type LoadLinkState } from '../../share/loadLink';
import { LoadChart, type ChartSeries } from './LoadChart';
import { LoadParams } from './LoadParams';
import { cancelLoad, startLoad } from './loadRunner';

type Status =
  | { readonly kind: 'idle' }
  | { readonly kind: 'running'; readonly done: number }
  | { readonly kind: 'done'; readonly table: LoadTable }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'error'; readonly message: string };

/** Returns the state in the address, with the messages about what was refused or dropped. */
function fromAddress(): { state: LoadLinkState; messages: string[] } {
  const result = decodeLoadLink(window.location.hash);
  if (result.ok) return { state: result.state, messages: [...result.warnings] };
  const fallback = decodeLoadLink('');
  return {
    state: fallback.ok ? fallback.state : { scenarioId: '', seed: 1, params: {} },
    messages: [`${result.error} Opened the first load scenario instead.`],
  };
}

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}

/** Returns the Load lab. */
export function LoadLab() {
  const [initial] = useState(fromAddress);
  const [state, setState] = useState<LoadLinkState>(initial.state);
  const [messages, setMessages] = useState<string[]>(initial.messages);
  // A link opened runs at once, so it shows its figures.
  const [status, setStatus] = useState<Status>({ kind: 'running', done: 0 });
  const scenario = findLoadScenario(state.scenarioId) ?? LOAD_SCENARIOS[0]!;

  /** Starts the worker; the status changes only when it reports. */
  const launch = useCallback((s: LoadLinkState) => {
    startLoad(
      { scenarioId: s.scenarioId, seed: s.seed, params: s.params },
      {
        progress: (done) => setStatus({ kind: 'running', done }),
        table: (table) => setStatus({ kind: 'done', table }),
        error: (message) => setStatus({ kind: 'error', message }),
      },
    );
  }, []);
  const run = (s: LoadLinkState) => {
    setStatus({ kind: 'running', done: 0 });
    launch(s);
  };

  // The address follows the state.
  useEffect(() => {
    window.history.replaceState(null, '', `#${encodeLoadLink(state)}`);
  }, [state]);
  useEffect(() => {
    launch(initial.state);
    return cancelLoad;
  }, [initial, launch]);

  const colors = useMemo(
    () => new Map(scenario.fixes.map((f, i) => [f.id, schemeTableau10[i % 10] ?? '#333'])),
    [scenario],
  );
  const table =
    status.kind === 'done' && status.table.scenario === scenario.id ? status.table : null;
  const labelOf = (fix: string) => scenario.fixes.find((f) => f.id === fix)?.label ?? fix;

  return (
    <div className="load-page">
      <header className="header load-header">
        <a className="brand load-back" href="./" aria-label="Interleave: back to the interleavings">
          <span className="brand-mark" aria-hidden="true">
            <span />
            <span />
          </span>
          <span className="brand-name">Interleave</span>
        </a>
        <h1 className="load-title">Load lab</h1>
        <label className="load-field">
          <span>Scenario</span>
          <select
            data-testid="load-scenario"
            value={scenario.id}
            onChange={(e) => {
              const next = { scenarioId: e.target.value, seed: state.seed, params: {} };
              setState(next);
              setMessages([]);
              run(next);
            }}
          >
            {LOAD_SCENARIOS.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
              </option>
            ))}
          </select>
        </label>
      </header>
      <main className="load-main">
        {messages.map((m) => (
          <p key={m} className="notice notice-warning" data-testid="load-notice">
            {m}
          </p>
        ))}
        <section className="card load-story">
          <p>{scenario.story}</p>
          <p className="muted">
            Source: {scenario.source}. Every fix runs on the same seeded arrivals.
          </p>
          <LoadParams
            scenario={scenario}
            state={state}
            running={status.kind === 'running'}
            onChange={setState}
            onRun={() => run(state)}
            onCancel={() => {
              cancelLoad();
              setStatus({ kind: 'cancelled' });
            }}
          />
          {status.kind === 'running' && (
            <div className="load-progress">
              <progress
                data-testid="load-progress"
                max={100}
                value={Math.round(status.done * 100)}
                aria-label="Simulation progress"
              />
              <span>{Math.round(status.done * 100)} %</span>
            </div>
          )}
          {status.kind === 'cancelled' && (
            <p className="muted" data-testid="load-cancelled">
              Cancelled.
            </p>
          )}
          {status.kind === 'error' && (
            <p className="explore-line is-bad">Simulation failed: {status.message}</p>
          )}
        </section>
        {table && (
          <>
            <ul className="load-legend" aria-label="Fixes">
              {table.rows.map((row) => (
                <li key={row.fix}>
                  <span className="load-swatch" style={{ background: colors.get(row.fix) }} />
                  {labelOf(row.fix)}
                </li>
              ))}
            </ul>
            <div className="load-charts">
              {(table.rows[0]?.series ?? []).map((first) => {
                const series: ChartSeries[] = table.rows.map((row) => ({
                  fix: row.fix,
                  label: labelOf(row.fix),
                  color: colors.get(row.fix) ?? '#333',
                  values: row.series.find((s) => s.id === first.id)?.values ?? [],
                }));
                return (
                  <LoadChart
                    key={first.id}
                    id={first.id}
                    title={first.label}
                    unit={first.unit}
                    bucket={first.bucket}
                    series={series}
                  />
                );
              })}
            </div>
            <section className="card load-table-card">
              <h2 className="card-title">Before / after (seed {table.seed})</h2>
              <div
                className="load-table-wrap"
                tabIndex={0}
                aria-label="Before/after table (scrolls)"
              >
                <table className="load-table" data-testid="load-table">
                  <thead>
                    <tr>
                      <th>Fix</th>
                      <th className="num">requests</th>
                      {(table.rows[0]?.figures ?? []).map((f) => (
                        <th key={f.id} className="num">
                          {f.label} ({f.unit})
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {table.rows.map((row) => (
                      <tr key={row.fix}>
                        <td>{labelOf(row.fix)}</td>
                        <td className="num">{row.requests.toLocaleString('en')}</td>
                        {row.figures.map((f) => (
                          <td key={f.id} className="num">
                            {f.value.toLocaleString('en')}
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <div className="load-exports">
                <button
                  type="button"
                  className="btn btn-small"
                  onClick={() =>
                    download(`${table.scenario}-seed${table.seed}-table.csv`, tableCsv(table))
                  }
                >
                  Download table (CSV)
                </button>
                <button
                  type="button"
                  className="btn btn-small"
                  onClick={() =>
                    download(`${table.scenario}-seed${table.seed}-series.csv`, seriesCsv(table))
                  }
                >
                  Download series (CSV)
                </button>
              </div>
            </section>
          </>
        )}
      </main>
    </div>
  );
}
