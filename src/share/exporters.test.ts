import { describe, expect, it } from 'vitest';
import { replay } from '../engine/replay';
import { findScenario } from '../scenarios/index';
import { buildModel } from '../scenarios/session';
import { NO_ANNOTATIONS, withNote, withTitle } from './annotations';
import { mermaidMessageCount, mermaidText, toMermaid } from './mermaid';
import { parseRunJson, toRunJson } from './runJson';

const scenario = findScenario('cache-aside-set-after-delete')!;
const config = {
  scenarioId: scenario.id,
  fix: 'none',
  granularity: 'operations' as const,
  params: {},
};
const model = buildModel(config);
const race = ['reader->cache', 'reader->db', 'writer->db', 'writer->cache', 'reader->cache'];
const trace = replay(model, race);
const annotations = withNote(withTitle(NO_ANNOTATIONS, 'Post #1'), 3, 'writer wins; <b>x</b>');

describe('Mermaid export', () => {
  const text = toMermaid({ scenario, model, trace, fixLabel: 'No fix', annotations });
  const lines = text.trim().split('\n');

  it('is a sequenceDiagram with one participant per actor and one arrow per message', () => {
    expect(lines[0]).toBe('sequenceDiagram');
    const participants = lines.filter((l) => l.trim().startsWith('participant '));
    expect(participants.map((l) => l.trim())).toEqual([
      'participant p0 as Reader',
      'participant p1 as Writer',
      'participant p2 as Cache',
      'participant p3 as Database',
    ]);
    const arrows = lines.filter((l) => /^\s+p\d+(->>|-->>|-x)p\d+: /.test(l));
    expect(arrows).toHaveLength(mermaidMessageCount(trace));
    expect(arrows).toHaveLength(10);
  });

  it('marks the harm and the diagnostics differently, as notes', () => {
    const harm = lines.findIndex((l) => l.includes('HARM (stale-at-quiescence)'));
    expect(harm).toBeGreaterThan(0);
    expect(lines[harm - 1]).toBe('  rect rgb(254, 226, 226)');
    const diagnostic = lines.findIndex((l) => l.includes('diagnostic, no harm (stale-set)'));
    expect(lines[diagnostic - 1]).toBe('  rect rgb(233, 238, 245)');
    expect(lines.filter((l) => l.includes('HARM'))).toHaveLength(1);
  });

  it('carries the notes, with user text escaped as entity codes', () => {
    expect(text).toContain('Note over p0,p3: ✎ step 3: writer wins#59; #lt;b#gt;x#lt;/b#gt;');
    expect(lines[1]).toBe('  title Post #35;1 (No fix)');
    expect(mermaidText('a\nb\n\nc')).toBe('a<br/>b<br/>c');
    expect(mermaidText('#;')).toBe('#35;#59;');
  });
});

describe('JSON export', () => {
  const json = toRunJson({
    scenario,
    model,
    config,
    seed: 7,
    trace,
    cursor: 3,
    annotations,
  }) as Record<string, unknown> & {
    trace: { steps: { state: unknown; violations: { harm: boolean }[] }[] };
  };

  it('holds scenario, fix, params, schedule, annotations and every step with its state', () => {
    expect(json).toMatchObject({
      format: 'interleave-run',
      version: 1,
      scenario: { id: scenario.id },
      fix: { id: 'none', label: 'No fix' },
      granularity: 'operations',
      params: { readers: 1, writers: 1 },
      seed: 7,
      schedule: race,
      cursor: 3,
      annotations,
    });
    expect(json.trace.steps).toHaveLength(5);
    json.trace.steps.forEach((step, i) => expect(step.state).toEqual(trace.worlds[i + 1]));
    expect(json.trace.steps[4]!.violations.some((v) => v.harm)).toBe(true);
    expect(json.trace.steps[4]!.violations.some((v) => !v.harm)).toBe(true);
  });

  it('reads back to the same state', () => {
    const state = parseRunJson(JSON.stringify(json));
    expect(state).toEqual({ ...config, seed: 7, schedule: race, cursor: 3, annotations });
  });

  it('refuses what is not a run it can replay, saying why', () => {
    expect(parseRunJson('{')).toBe('This file is not JSON.');
    expect(parseRunJson('{"format":"x"}')).toMatch(/not an Interleave run \(bad "format"\)/);
    expect(parseRunJson(JSON.stringify({ ...json, version: 9 }))).toMatch(/newer version/);
    expect(parseRunJson(JSON.stringify({ ...json, scenario: { id: 'nope' } }))).toMatch(
      /does not know \("nope"\)/,
    );
    expect(parseRunJson(JSON.stringify({ ...json, schedule: ['reader->db'] }))).toMatch(
      /cannot be followed past step 0/,
    );
    expect(parseRunJson(JSON.stringify({ ...json, fix: { id: '__proto__' } }))).toMatch(
      /bad "fix.id"|does not know/,
    );
  });
});

describe('embed code', () => {
  it('is an iframe of the embed view with escaped attributes', async () => {
    const { embedCode } = await import('./embedCode');
    const code = embedCode(
      'https://example.org/app/index.html#old',
      'v=1&s=x',
      'a "quoted" <title>',
    );
    expect(code).toBe(
      '<iframe src="https://example.org/app/embed.html#v=1&amp;s=x" title="Interleave: a &quot;quoted&quot; &lt;title&gt;" width="960" height="560" style="border:0" loading="lazy"></iframe>',
    );
  });
});
