/**
 * docs/authoring.md stays true: its YAML is the example file's, the walkthrough's model loads
 * and finds the race, and every command it shows prints what it says.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadModel, formatErrors } from '../../src/authoring/load';
import { parseCli } from '../../src/cli/args';
import { runRequest } from '../../src/cli/run';
import { judgeFix } from '../../src/scenarios/judge';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const DOC = read('docs/authoring.md');
const EXAMPLE = read('examples/frappe-threads.yaml');
const SCRIPTED = read('examples/get-or-create.yaml');
const QUEUED = read('examples/lock-behind-slow-command.yaml');

function blocks(lang: string): string[] {
  const out: string[] = [];
  const re = new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g');
  for (const match of DOC.matchAll(re)) out.push(match[1]!);
  return out;
}

describe('docs/authoring.md', () => {
  it('quotes the walkthrough model and the scripted and queued examples verbatim', () => {
    const yaml = blocks('yaml');
    expect(yaml.length).toBeGreaterThanOrEqual(9);
    for (const block of yaml)
      expect([EXAMPLE, SCRIPTED, QUEUED].some((t) => t.includes(block))).toBe(true);
    expect(yaml.some((block) => SCRIPTED.includes(block) && block.includes('steps:'))).toBe(true);
    expect(yaml.some((block) => QUEUED.includes(block) && block.includes('queue:'))).toBe(true);
  });

  it('the walkthrough model finds the race, and the rollback to multiprocessing holds', () => {
    const result = loadModel(EXAMPLE);
    if (!result.ok) throw new Error(formatErrors(result.errors).join('\n'));
    const status = (fix: string) => judgeFix(result.scenario, fix, 'operations').status;
    expect(status('none')).toBe('fails');
    expect(status('instance-attribute')).toBe('fails');
    expect(status('multiprocessing')).toBe('holds');
    expect(status('per-request-engine')).toBe('holds');
    expect(judgeFix(result.scenario, 'multiprocessing', 'messages').status).toBe('holds');
    expect(judgeFix(result.scenario, 'none', 'messages').status).toBe('fails');
  });

  it('every command shown prints the lines shown', () => {
    const consoles = blocks('console');
    expect(consoles.length).toBeGreaterThanOrEqual(3);
    let commands = 0;
    for (const block of consoles) {
      for (const part of block.split(/^\$ /m).filter((p) => p.trim())) {
        const [command, ...shown] = part.trimEnd().split('\n');
        const argv = command!.replace(/^npm run interleave -- /, '').split(/\s+/);
        const request = parseCli(argv);
        const out = runRequest(request, read(request.file!));
        const lines = out.stdout.split('\n').map((l) => l.trimEnd());
        for (const line of shown) expect(lines, command).toContain(line.trimEnd());
        commands++;
      }
    }
    expect(commands).toBeGreaterThanOrEqual(8);
  });

  it('shows the error check gives for a misspelt step', () => {
    const [shown] = blocks('text').filter((b) => b.includes('unknown step'));
    const text = SCRIPTED.replace('        - select: ', '        - selct: ');
    const out = runRequest(parseCli(['check', '--file', 'incident.yaml']), text);
    expect(out.code).toBe(2);
    expect(out.stderr).toBe(shown);
  });

  it('shows the errors check really gives', () => {
    const [shown] = blocks('text').filter(
      (b) => b.startsWith('incident.yaml:') && !b.includes('unknown step'),
    );
    const mutated = [
      EXAMPLE.replace('engineHome: class #', 'engineHome: classy #'),
      EXAMPLE.replace(
        '{ use: ambiguous-column, role: harm, db: db }',
        '{ use: ambiguous-column, role: harm, db: mysql }',
      ),
    ];
    const actual = mutated.map((text) => {
      const out = runRequest(parseCli(['check', '--file', 'incident.yaml']), text);
      expect(out.code).toBe(2);
      return out.stderr;
    });
    expect(actual.join('')).toBe(shown);
  });
});
