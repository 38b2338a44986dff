import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findScenario, registerAuthored } from '../scenarios/index';
import { loadAuthored } from '../share/authored';
import { parseRunJson, runModelText } from '../share/runJson';
import { parseCli, UsageError } from './args';
import { runRequest } from './run';

const EXAMPLE = 'examples/cache-aside.yaml';
const text = (path: string) => readFileSync(path, 'utf8');
/** Runs the CLI in-process on `--file` given as text (main.ts reads the file itself). */
const withFile = (source: string, ...argv: string[]) =>
  runRequest(parseCli([...argv, '--file', 'incident.yaml']), source);
const builtin = (...argv: string[]) => runRequest(parseCli(argv));

describe('command line with an authored model (--file)', () => {
  it('check says ok and what the model declares', () => {
    const out = withFile(text(EXAMPLE), 'check');
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('incident.yaml: ok — cache-aside-set-after-delete');
    expect(out.stdout).toContain('harm: stale-at-quiescence');
  });

  it('check exits 2 with file:line:column errors', () => {
    const bad = text(EXAMPLE).replace('kind: writer', 'kind: writter');
    const out = withFile(bad, 'check');
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(
      /^incident\.yaml:\d+:11 actors\[1\]\.kind: Invalid option: expected one of "reader"/,
    );
    const json = JSON.parse(withFile(bad, 'check', '--json').stdout);
    expect(json.ok).toBe(false);
    expect(json.errors[0]).toMatch(/^incident\.yaml:\d+:11 /);
  });

  it('explore, explore --sweep, run and replay reuse the commands and agree with the built-in', () => {
    const id = 'cache-aside-set-after-delete';
    for (const fix of ['none', 'double-delete']) {
      for (const g of ['operations', 'messages']) {
        const mine = withFile(text(EXAMPLE), 'explore', '--fix', fix, '-g', g, '--json');
        expect(mine.code).toBe(0);
        expect(JSON.parse(mine.stdout)).toEqual(
          JSON.parse(builtin('explore', id, '--fix', fix, '-g', g, '--json').stdout),
        );
      }
    }
    const sweep = [
      '--fix',
      'double-delete',
      '--sweep',
      '--upto',
      'readers=1',
      '--upto',
      'writers=1',
    ];
    expect(withFile(text(EXAMPLE), 'explore', ...sweep).stdout).toBe(
      builtin('explore', id, ...sweep).stdout,
    );
    const run = JSON.parse(withFile(text(EXAMPLE), 'run', '--seed', '7', '--json').stdout);
    expect(run).toEqual(JSON.parse(builtin('run', id, '--seed', '7', '--json').stdout));
    const again = withFile(text(EXAMPLE), 'replay', '--schedule', run.schedule.join(','), '--json');
    expect(JSON.parse(again.stdout).steps).toEqual(run.steps);
  });

  it('export --format json carries the model, so the app opens the run under its own id', () => {
    const source = text('examples/lock-behind-slow-command.yaml');
    const out = withFile(source, 'export', '--format', 'json', '--param', 'lock-ttl=25');
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout).scenario.id).toBe('lock-behind-slow-command');
    const model = runModelText(out.stdout);
    expect(model).toBe(source);
    // As the page does: the model loaded and registered first, under the id its text gives.
    const loaded = loadAuthored(model ?? '');
    if (!loaded.ok) throw new Error('the model should load');
    if (!findScenario(loaded.scenario.id)) registerAuthored(loaded.scenario);
    const state = parseRunJson(out.stdout, loaded.scenario.id);
    if (typeof state === 'string') throw new Error(state);
    expect(state.scenarioId).toBe(loaded.scenario.id);
    expect(state.params).toEqual({ 'lock-ttl': 25 });
    expect(state.schedule).toEqual(JSON.parse(out.stdout).schedule);
    expect(state.schedule.length).toBeGreaterThan(0);
    // A built-in's run carries no model.
    expect(
      runModelText(builtin('export', 'duplicate-insert', '--format', 'json').stdout),
    ).toBeNull();
  });

  it('explore with a broken model exits 2 with its errors', () => {
    const out = withFile('format: interleave/1\nid: x\n', 'explore');
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/^incident\.yaml:1:1 title: /m);
  });

  it('refuses a scenario and --file together, check without --file, an unknown fix', () => {
    expect(() => parseCli(['explore', 'duplicate-insert', '--file', 'x.yaml'])).toThrow(UsageError);
    expect(() => parseCli(['check'])).toThrow(/check needs --file/);
    expect(() => withFile(text(EXAMPLE), 'explore', '--fix', 'nope')).toThrow(/unknown fix "nope"/);
  });

  it('main reads the file, and refuses a missing one with exit 2', () => {
    const ok = spawnSync('npx', ['tsx', 'src/cli/main.ts', 'check', '--file', EXAMPLE], {
      encoding: 'utf8',
    });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain(`${EXAMPLE}: ok`);
    const missing = spawnSync('npx', ['tsx', 'src/cli/main.ts', 'check', '--file', 'nope.yaml'], {
      encoding: 'utf8',
    });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('interleave: --file nope.yaml: ENOENT');
  }, 60_000);
});
