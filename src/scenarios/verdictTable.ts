/**
 * Every built-in fix's verdict, computed by the judge, and the views of them that are
 * committed: `verdictData.ts` (read by the app and `list`) and the README's scenario table.
 * Both are written by `npm run verdicts` and checked against fresh exploration by a test.
 * Pure given the scenarios.
 */
import type { Stepper } from '../engine/machines';
import type { Granularity } from '../engine/types';
import { SCENARIOS } from './index';
import { judgeFix, summarize, verdictKey, type VerdictSummary } from './judge';
import type { ScenarioDef } from './types';

export const GRANULARITIES: readonly Granularity[] = ['operations', 'messages'];

/** Returns the verdict of every fix of every scenario, at default parameters, both granularities. */
export function computeVerdicts(
  stepper?: Stepper,
  scenarios: readonly ScenarioDef[] = SCENARIOS,
): Record<string, VerdictSummary> {
  const out: Record<string, VerdictSummary> = {};
  for (const scenario of scenarios) {
    for (const granularity of GRANULARITIES) {
      for (const fix of scenario.fixes) {
        const verdict = judgeFix(scenario, fix.id, granularity, {}, stepper ? { stepper } : {});
        out[verdictKey(scenario, fix.id, granularity)] = summarize(scenario, verdict);
      }
    }
  }
  return out;
}

/** Markers around the generated table in README.md. */
export const TABLE_START = '<!-- verdicts:start (written by npm run verdicts) -->';
export const TABLE_END = '<!-- verdicts:end -->';

const cell = (text: string) => text.replace(/\|/g, '\\|');

/** Returns the README's scenario × fix table (Markdown) from computed verdicts. Pure. */
export function verdictTable(
  verdicts: Readonly<Record<string, VerdictSummary>>,
  scenarios: readonly ScenarioDef[] = SCENARIOS,
): string {
  const rows = [
    '| scenario | fix | verdict (operations) | verdict (messages) |',
    '| --- | --- | --- | --- |',
  ];
  for (const scenario of scenarios) {
    for (const fix of scenario.fixes) {
      const at = (g: Granularity) => verdicts[verdictKey(scenario, fix.id, g)]?.line ?? '—';
      rows.push(
        `| \`${scenario.id}\` | ${cell(fix.label)} (\`${fix.id}\`) | ${cell(at('operations'))} | ${cell(at('messages'))} |`,
      );
    }
  }
  return rows.join('\n');
}

/** Returns `readme` with the text between the table markers replaced by `table`. Pure. */
export function withTable(readme: string, table: string): string {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error('README.md lacks the verdict table markers');
  return `${readme.slice(0, start + TABLE_START.length)}\n\n${table}\n\n${readme.slice(end)}`;
}
