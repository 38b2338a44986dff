/**
 * `export --file`: an authored model exports as its built-in does (SVG, Mermaid, JSON), with a
 * given schedule or the shortest race, and a broken model exits 2 with its errors.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCli } from '../src/cli/args';
import { runRequest } from '../src/cli/run';
import { diagramSvg } from '../src/ui/export/svg';

const deps = { renderSvg: diagramSvg };
const text = (file: string) => readFileSync(`examples/${file}`, 'utf8');
const withFile = (source: string, ...argv: string[]) =>
  runRequest(parseCli([...argv, '--file', 'incident.yaml']), source, deps);
const builtin = (...argv: string[]) => runRequest(parseCli(argv), undefined, deps);
const ID = 'cache-aside-set-after-delete';

describe('export --file', () => {
  it.each(['svg', 'mermaid', 'json'])('writes %s as the built-in does', (format) => {
    for (const fix of ['none', 'leases']) {
      const mine = withFile(text('cache-aside.yaml'), 'export', '--fix', fix, '--format', format);
      const theirs = builtin('export', ID, '--fix', fix, '--format', format);
      expect(mine.code).toBe(0);
      if (format !== 'json') {
        expect(mine.stdout, fix).toBe(theirs.stdout);
        continue;
      }
      // The JSON run of an authored model also carries the model's text, so that it reopens.
      const { model, ...run } = JSON.parse(mine.stdout) as { model?: string };
      expect(model, fix).toBe(text('cache-aside.yaml'));
      expect(run, fix).toEqual(JSON.parse(theirs.stdout));
    }
  });

  it('exports a scripted model, with a given schedule, readable back as JSON', () => {
    const schedule = 'reader->cache,reader->db,writer->db,writer->cache,reader->cache';
    const out = withFile(
      text('cache-aside-scripted.yaml'),
      'export',
      '--schedule',
      schedule,
      '--format',
      'json',
    );
    expect(out.code).toBe(0);
    const run = JSON.parse(out.stdout);
    expect(run.scenario.id).toBe('cache-aside-scripted');
    expect(run.schedule.join(',')).toBe(schedule);
    expect(run.trace.steps.length).toBe(5);
    const mermaid = withFile(text('cache-aside-scripted.yaml'), 'export', '--format', 'mermaid');
    expect(mermaid.stdout).toContain('participant p0 as Reader');
    expect(mermaid.stdout).toContain('SET v1');
  });

  it('exits 2 with line:column errors for a broken model', () => {
    const out = withFile(
      text('cache-aside.yaml').replace('kind: writer', 'kind: writter'),
      'export',
    );
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/^incident\.yaml:\d+:11 actors\[1\]\.kind: /);
  });
});
