/**
 * A readable view of an actor's context: scalars inline, records of same-shaped objects (cache
 * entries, database rows) as small tables, other objects as nested lists. Changed paths are
 * highlighted. TTLs are shown with the time left on the world clock.
 */
import type { Json } from '../../engine/types';

interface ViewProps {
  readonly value: Json;
  readonly path: string;
  readonly changed: ReadonlySet<string>;
  readonly clock: number;
}

const isObject = (v: Json): v is { [key: string]: Json } =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Returns the text for a scalar or small array. Pure. */
export function scalarText(v: Json): string {
  if (v === null) return '—';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

function cell(field: string, v: Json, clock: number): string {
  if (field === 'expiresAt' && typeof v === 'number') {
    const left = v - clock;
    return left > 0 ? `t=${v} (${left} left)` : `t=${v} (expired)`;
  }
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  return scalarText(v);
}

function asTable(value: { [key: string]: Json }): string[] | null {
  const rows = Object.values(value);
  if (rows.length === 0 || !rows.every(isObject)) return null;
  const columns = new Set<string>();
  for (const row of rows) for (const k of Object.keys(row)) columns.add(k);
  return columns.size <= 6 && rows.every((r) => Object.values(r).every((v) => !isObject(v)))
    ? [...columns]
    : null;
}

function RecordTable({
  value,
  path,
  changed,
  clock,
}: ViewProps & { value: { [key: string]: Json } }) {
  const columns = asTable(value) ?? [];
  return (
    <table className="record-table">
      <thead>
        <tr>
          <th>key</th>
          {columns.map((c) => (
            <th key={c}>{c === 'expiresAt' ? 'TTL' : c}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {Object.entries(value).map(([key, row]) => (
          <tr key={key} className={changed.has(`${path}/${key}`) ? 'is-changed' : undefined}>
            <th scope="row">{key}</th>
            {columns.map((c) => {
              const v = isObject(row) ? row[c] : undefined;
              const hot = changed.has(`${path}/${key}/${c}`);
              return (
                <td key={c} className={hot ? 'is-changed' : undefined}>
                  {v === undefined ? '' : cell(c, v, clock)}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Returns the view of one JSON value at `path`. */
export function JsonView({ value, path, changed, clock }: ViewProps) {
  if (!isObject(value)) {
    return (
      <span className={changed.has(path) ? 'json-scalar is-changed' : 'json-scalar'}>
        {scalarText(value)}
      </span>
    );
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return <span className="json-empty">empty</span>;
  if (path !== '' && asTable(value))
    return <RecordTable value={value} path={path} changed={changed} clock={clock} />;
  return (
    <dl className="json-object">
      {entries.map(([key, v]) => (
        <div
          key={key}
          className={[
            'json-row',
            changed.has(`${path}/${key}`) ? 'is-changed' : '',
            isObject(v) && asTable(v) ? 'has-table' : '',
          ].join(' ')}
        >
          <dt>{key}</dt>
          <dd>
            <JsonView value={v} path={`${path}/${key}`} changed={changed} clock={clock} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
