/**
 * CSV of a load table: the before/after figures (one row per fix) and the time series in long
 * form (one row per fix, series and bucket), ready for a spreadsheet. Pure.
 */
import type { LoadTable } from './harness';

/** Returns `text` as one CSV field, quoted when it holds a comma, quote or line break. Pure. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const line = (cells: readonly (string | number)[]): string =>
  cells.map((c) => csvField(String(c))).join(',');

/** Returns the figures as CSV: `fix,requests,<figure> [unit],…`, one row per fix. Pure. */
export function tableCsv(table: LoadTable): string {
  const first = table.rows[0];
  const header = ['fix', 'requests', ...(first?.figures ?? []).map((f) => `${f.id} [${f.unit}]`)];
  const rows = table.rows.map((row) => [row.fix, row.requests, ...row.figures.map((f) => f.value)]);
  return [line(header), ...rows.map(line)].join('\n') + '\n';
}

/** Returns every series as CSV rows `fix,series,unit,t_ms,value` (t at the bucket start). Pure. */
export function seriesCsv(table: LoadTable): string {
  const out = [line(['fix', 'series', 'unit', 't_ms', 'value'])];
  for (const row of table.rows) {
    for (const s of row.series) {
      s.values.forEach((value, i) => out.push(line([row.fix, s.id, s.unit, i * s.bucket, value])));
    }
  }
  return out.join('\n') + '\n';
}
