import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { decodeModelLink, encodeModelLink } from './model';
import { authoredIdOf, loadAuthored } from './authored';
import { joinModelField, splitModelField } from './authoredLink';
import { decodeLink, encodeLink } from './link';
import { findScenario, registerAuthored } from '../scenarios/index';
import { buildModel, defaultFix } from '../scenarios/session';
import { randomCompletion } from '../engine/random';

const yaml = readFileSync('examples/duplicate-insert.yaml', 'utf8');

describe('authored models in links', () => {
  it('splits the model field off a link and joins it back', () => {
    const joined = joinModelField('v=1&s=authored-x&f=none', '1.abc_-');
    expect(joined).toBe('v=1&s=authored-x&f=none&am=1.abc_-');
    expect(splitModelField(`#${joined}`)).toEqual({
      rest: 'v=1&s=authored-x&f=none',
      packed: '1.abc_-',
    });
    expect(splitModelField('v=1&s=cache-aside')).toEqual({
      rest: 'v=1&s=cache-aside',
      packed: null,
    });
  });

  it('gives the same text the same id, and another text another id', () => {
    expect(authoredIdOf(yaml)).toBe(authoredIdOf(`${yaml}`));
    expect(authoredIdOf(yaml)).not.toBe(authoredIdOf(`${yaml}\n`));
    expect(authoredIdOf(yaml)).toMatch(/^authored-[0-9a-z]{14}$/);
  });

  it('loads a model under its app id, never under a built-in id', () => {
    const result = loadAuthored(yaml);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.scenario.id).toBe(authoredIdOf(yaml));
    expect(result.scenario.id).not.toBe('duplicate-insert');
    expect(result.scenario.title).toBe(findScenario('duplicate-insert')?.title);
  });

  it('reports errors with a line and column instead of throwing', () => {
    const result = loadAuthored(yaml.replace('kind: fetch-task', 'kind: fetch-tsk'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]?.line).toBeGreaterThan(1);
    expect(result.errors[0]?.message).toMatch(/expected|Invalid/);
  });

  it('round-trips a run of a registered model through a link with the model in it', () => {
    const result = loadAuthored(yaml);
    if (!result.ok) throw new Error('example does not load');
    registerAuthored(result.scenario);
    const scenario = result.scenario;
    const fix = defaultFix(scenario);
    const config = { scenarioId: scenario.id, fix, granularity: 'operations' as const, params: {} };
    const run = randomCompletion(buildModel(config), [], 7).schedule;
    expect(run.length).toBeGreaterThan(3);
    const encoded = encodeModelLink(yaml);
    if (!encoded.ok) throw new Error('example too large for a link');
    const link = joinModelField(
      encodeLink({ ...config, seed: 3, schedule: run, cursor: 2 }),
      encoded.packed,
    );
    const split = splitModelField(link);
    const text = decodeModelLink(split.packed ?? '');
    expect(text).toEqual({ ok: true, text: yaml });
    const decoded = decodeLink(split.rest);
    expect(decoded.ok && decoded.state.scenarioId).toBe(scenario.id);
    expect(decoded.ok && decoded.state.seed).toBe(3);
    expect(decoded.ok && decoded.state.schedule).toEqual(run);
    expect(decoded.ok && decoded.state.cursor).toBe(2);
  });

  it('keeps an authored parameter whose id has a dash', () => {
    const text = readFileSync('examples/lock-behind-slow-command.yaml', 'utf8');
    const result = loadAuthored(text);
    if (!result.ok) throw new Error('example does not load');
    if (!findScenario(result.scenario.id)) registerAuthored(result.scenario);
    const params = { 'lock-ttl': 25, slow: 12 };
    const config = {
      scenarioId: result.scenario.id,
      fix: 'none',
      granularity: 'messages' as const,
    };
    const link = encodeLink({ ...config, params, seed: 1, schedule: [], cursor: 0 });
    expect(link).toContain('lock-ttl:25');
    const decoded = decodeLink(link);
    if (!decoded.ok) throw new Error(decoded.error);
    expect(decoded.state.params).toEqual(params);
    expect(decoded.warnings).toEqual([]);
  });
});
