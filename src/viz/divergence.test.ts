import { describe, expect, it } from 'vitest';
import { completeRun } from '../engine/complete';
import { explore } from '../engine/explore';
import { replay } from '../engine/replay';
import { enabledSteps } from '../engine/steps';
import { describeDivergence } from '../scenarios/divergence';
import { duplicateInsert } from '../scenarios/duplicateInsert';
import { paramsOf } from '../scenarios/index';
import { divergenceInput } from './divergence';
import { layoutDiagram } from './layout';

const build = (fix: string) =>
  duplicateInsert.build({ fix, granularity: 'operations', params: paramsOf(duplicateInsert) });

describe('divergence marker', () => {
  const pinnedModel = build('none');
  const race = completeRun(pinnedModel, explore(pinnedModel).shortest!).schedule;
  const model = build('single-flight');
  const trace = replay(model, race);
  const story = describeDivergence(
    duplicateInsert,
    { config: { fix: 'single-flight', params: {} }, model, trace },
    { config: { fix: 'none', params: {} }, model: pinnedModel, trace: replay(pinnedModel, race) },
  )!;
  const layoutWith = (withMarker: boolean, cursor = trace.records.length) =>
    layoutDiagram({
      scenario: duplicateInsert,
      model,
      trace,
      cursor,
      enabled: enabledSteps(model, trace.worlds[cursor]!),
      divergence: withMarker ? divergenceInput(story) : null,
    });

  it('is a row below everything else, naming the fix and the step', () => {
    const plain = layoutWith(false);
    const marked = layoutWith(true);
    expect(plain.divergence).toBeNull();
    const d = marked.divergence!;
    expect(d.step).toBe(4);
    expect(d.pinnedSteps).toBe(6);
    expect(d.lines.join(' ')).toContain(
      'With “Single-flight (per-key future)”, the pinned run stops here: step 4 of 6 is not possible.',
    );
    expect(d.lines.join(' ')).toContain('Switch back to “No fix”');
    const lastRow = marked.rows.at(-1)!;
    expect(d.top).toBeGreaterThanOrEqual(lastRow.top + lastRow.height);
    expect(d.top).toBeGreaterThanOrEqual(marked.band.top + marked.band.height);
    expect(marked.height).toBeGreaterThanOrEqual(d.top + d.height);
    expect(marked.height - plain.height).toBe(d.height + 6);
  });

  it('stays below the rows wherever the cursor is', () => {
    const d = layoutWith(true, 1).divergence!;
    const rows = layoutWith(true, 1).rows;
    expect(d.top).toBeGreaterThanOrEqual(rows.at(-1)!.top + rows.at(-1)!.height);
  });
});
