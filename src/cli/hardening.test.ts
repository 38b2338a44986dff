/**
 * Hostile command lines: numbers however written, replay exit codes, terminal escapes, and a
 * seeded fuzz over a grammar of real and broken flags.
 */
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_SEED, parseCli, printable, UsageError } from './args';
import { runRequest } from './run';

const cli = (...argv: string[]) => runRequest(parseCli(argv));
const S = 'cache-aside-set-after-delete';

describe('numbers on the command line', () => {
  it.each([
    [['run', S, '--seed=-5'], '--seed expects an integer from 0 to 4,294,967,295, got "-5"'],
    [['run', S, '--seed', '99999999999999999999999'], 'got "99999999999999999999999"'],
    [['run', S, '--seed=4294967296'], 'got "4294967296"'],
    [['run', S, '--seed=1.5'], 'got "1.5"'],
    [['run', S, '--steps=-1'], '--steps expects an integer from 1'],
    [['explore', S, '--max-states=-1'], '--max-states expects an integer from 1'],
    [['explore', S, '--max-seconds=-1'], '--max-seconds expects an integer from 0'],
    [['explore', S, '--param', 'readers=0'], '--param readers must be between 1 and 3'],
  ])('refuses %j', (argv, message) => {
    expect(() => cli(...argv)).toThrow(UsageError);
    expect(() => cli(...argv)).toThrow(message);
  });

  it('takes every seed from 0 to 2^32 − 1, each its own run', () => {
    expect(parseCli(['run', S, `--seed=${MAX_SEED}`]).seed).toBe(MAX_SEED);
    expect(parseCli(['run', S, '--seed=0']).seed).toBe(0);
  });
});

describe('replay', () => {
  it('exits 1 when the schedule diverges, in JSON as in text', () => {
    const argv = ['replay', S, '--schedule', 'reader->cache,bogus'];
    expect(cli(...argv).code).toBe(1);
    const json = cli(...argv, '--json');
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout).divergence).toMatchObject({ index: 1, key: 'bogus' });
  });
});

describe('terminal escapes', () => {
  it('are shown escaped, never echoed raw', () => {
    expect(printable('x\u001b]0;pwned\u0007')).toBe('x\\x1b]0;pwned\\x07');
    expect(printable('a\nb\tc')).toBe('a\nb\tc');
    const result = spawnSync(
      'npx',
      ['tsx', 'src/cli/main.ts', 'explore', 'x\u001b]0;pwned\u0007'],
      {
        encoding: 'utf8',
      },
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('unknown scenario "x\\x1b]0;pwned\\x07"');
    expect(result.stderr).not.toContain('\u001b');
  }, 30_000);
});

describe('argument fuzz', () => {
  const word = fc.constantFrom(
    'list',
    'explore',
    'run',
    'replay',
    'help',
    'bogus',
    S,
    'duplicate-insert',
    'nope',
    '',
    '--fix',
    'none',
    'leases',
    '--granularity',
    'messages',
    '-g',
    'sideways',
    '--json',
    '--seed',
    '--seed=7',
    '--seed=-1',
    '--steps',
    '--steps=3',
    '--param',
    'readers=2',
    'writers=9',
    'readerz=1',
    'constructor=1',
    '--max-states',
    '--max-states=50',
    '500',
    '--max-seconds=1',
    '--schedule',
    'reader->cache,bogus',
    'x\u001b]0;t\u0007',
    '--sweep',
    '--upto',
    'readers=1',
    'delay=2',
    '--help',
    '-h',
    '--',
    '1e9',
    '-5',
    '99999999999999999999',
  );

  it('3,000 random command lines: a result or a usage error, never anything else', () => {
    let usage = 0;
    let ran = 0;
    fc.assert(
      fc.property(fc.array(word, { maxLength: 8 }), (argv) => {
        // Keep each exploration small: the fuzz is about parsing, not about search.
        const bounded = [...argv, '--max-states=2000'];
        try {
          const result = runRequest(parseCli(bounded));
          expect([0, 1]).toContain(result.code);
          ran++;
        } catch (error) {
          if (!(error instanceof UsageError)) throw error;
          expect(error.message.length).toBeGreaterThan(0);
          usage++;
        }
      }),
      { numRuns: 3_000, seed: 20261201 },
    );
    expect(usage).toBeGreaterThan(0);
    expect(ran).toBeGreaterThan(0);
  });
});
