import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findScenario } from '../scenarios/index';
import { authoredIdOf } from '../share/authored';
import { ensureModel } from './authoredModels';
import { exploreConfigs } from './exploreRun';
import type { ExploreSummary } from './protocol';

const text = readFileSync('examples/duplicate-insert.yaml', 'utf8');

describe('authored models in the worker', () => {
  it('registers a model from its text and explores it as the built-in explores', () => {
    const id = authoredIdOf(text);
    ensureModel({ id, text });
    expect(findScenario(id)?.id).toBe(id);
    const summaries: ExploreSummary[] = [];
    const config = { fix: 'none', granularity: 'operations' as const, params: {} };
    exploreConfigs(
      [
        { ...config, scenarioId: id },
        { ...config, scenarioId: 'duplicate-insert' },
      ],
      60_000,
      () => 0,
      (_i, _c, summary) => summaries.push(summary),
    );
    const [authored, builtIn] = summaries;
    expect(authored?.interleavings).toBe(builtIn?.interleavings);
    expect(authored?.violatingHarm).toBe(builtIn?.violatingHarm);
    expect(authored?.violatingHarm).toBeGreaterThan(0);
  });

  it('refuses a text that does not match its id, or does not load', () => {
    expect(() => ensureModel({ id: 'authored-00000000000000', text })).toThrow(/match/);
    const bad = text.replace('kind: fetch-task', 'kind: nope');
    expect(() => ensureModel({ id: authoredIdOf(bad), text: bad })).toThrow(
      /does not load \(\d+:\d+/,
    );
  });
});
