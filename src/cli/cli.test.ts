import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parseCli, UsageError } from './args';
import { runRequest } from './run';

const cli = (...argv: string[]) => runRequest(parseCli(argv));

describe('command line', () => {
  it('explore --json reports counts and the shortest counterexample', () => {
    const out = JSON.parse(
      cli('explore', 'cache-aside-set-after-delete', '--fix', 'none', '--json').stdout,
    );
    expect(out).toMatchObject({ interleavings: 25, violatingAny: 4, states: 28 });
    expect(out.violating['stale-set']).toBe(4);
    expect(out.shortest).toHaveLength(5);
  });

  it('explore prints the race as readable steps', () => {
    const out = cli('explore', 'cache-aside-set-after-delete').stdout;
    expect(out).toContain('Writer DELetes user:1 from Cache: deleted');
    expect(out).toContain('the SET from Reader landed after the DEL from Writer');
  });

  it('leases and versioned CAS show zero violating interleavings', () => {
    for (const fix of ['leases', 'versioned-cas']) {
      const out = JSON.parse(
        cli('explore', 'cache-aside-set-after-delete', '--fix', fix, '--json').stdout,
      );
      expect(out.violatingAny).toBe(0);
      expect(out.shortest).toBeNull();
    }
  });

  it('run --seed is deterministic and replay reproduces it', () => {
    const a = JSON.parse(
      cli('run', 'cache-aside-set-after-delete', '--seed', '11', '-g', 'messages', '--json').stdout,
    );
    const b = JSON.parse(
      cli('run', 'cache-aside-set-after-delete', '--seed', '11', '-g', 'messages', '--json').stdout,
    );
    expect(a).toEqual(b);
    const again = JSON.parse(
      cli(
        'replay',
        'cache-aside-set-after-delete',
        '-g',
        'messages',
        '--schedule',
        a.schedule.join(','),
        '--json',
      ).stdout,
    );
    expect(again.steps).toEqual(a.steps);
  });

  it('a bounded exploration says it is incomplete', () => {
    const out = cli(
      'explore',
      'cache-aside-set-after-delete',
      '-g',
      'messages',
      '--max-states',
      '20',
    );
    expect(out.stdout).toMatch(
      /incomplete: stopped at \d+ states \(≈ \d+ MB\): try .* \(--max-states\)/,
    );
    const json = JSON.parse(
      cli('explore', 'cache-aside-set-after-delete', '--max-states', '5', '--json').stdout,
    );
    expect(json).toMatchObject({ complete: false, interleavings: null });
    expect(json.stoppedMessage).toMatch(/^stopped at \d+ states/);
  });

  it('explore gives exact counts as text in JSON, and the chance a random run ends in harm', () => {
    const out = JSON.parse(
      cli('explore', 'cache-aside-set-after-delete', '-g', 'messages', '--json').stdout,
    );
    expect(out.interleavingsExact).toBe(String(out.interleavings));
    expect(out.violatingExact['stale-set']).toBe(String(out.violating['stale-set']));
    expect(out.harmProbability).toBeGreaterThan(0);
    expect(out.harmProbability).toBeLessThan(1);
    const text = cli('explore', 'cache-aside-set-after-delete', '-g', 'messages').stdout;
    expect(text).toMatch(/random chance: [\d.]+% of runs end in harm/);
    expect(text).toMatch(/after each step of the shortest harmful run:\n {2}[\d.]+%( → [\d.]+%)+/);
    expect(out.harmChanceAlong[0]).toBe(out.harmProbability);
    expect(out.harmChanceAlong.at(-1)).toBe(1);
  });

  it('replay exits non-zero and says where a schedule diverges', () => {
    const out = cli('replay', 'cache-aside-set-after-delete', '--schedule', 'reader->cache,bogus');
    expect(out.code).toBe(1);
    expect(out.stdout).toContain('step 2 "bogus" is not possible here');
  });

  it.each([
    [['explore', 'nope'], /unknown scenario "nope"/],
    [['explore', 'cache-aside-set-after-delete', '--fix', 'magic'], /unknown fix "magic"/],
    [['explore', 'cache-aside-set-after-delete', '--frobnicate'], /Unknown option '--frobnicate'/],
    [['explore', 'cache-aside-set-after-delete', '-g', 'bytes'], /--granularity must be/],
    [['explore', 'cache-aside-set-after-delete', '--param', 'readers=9'], /between 1 and 3/],
    [['launch'], /unknown command "launch"/],
    [['replay', 'cache-aside-set-after-delete'], /replay needs --schedule/],
  ])('rejects %j with a clear message', (argv, message) => {
    expect(() => cli(...argv)).toThrow(UsageError);
    expect(() => cli(...argv)).toThrow(message);
  });

  it('the npm script exits 2 with the message on bad input', () => {
    const result = spawnSync('npx', ['tsx', 'src/cli/main.ts', 'explore', 'nope'], {
      encoding: 'utf8',
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('interleave: unknown scenario "nope"');
  }, 30_000);
});

describe('verdicts and figures', () => {
  it('judges a fix by the scenario harm; diagnostics are still counted', () => {
    const out = JSON.parse(
      cli('explore', 'querypilot-stale-verdict', '--fix', 'epoch-on-read', '--json').stdout,
    );
    expect(out.harm).toEqual(['retry-forever']);
    expect(out.violatingHarm).toBe(0);
    expect(out.verdict).toMatchObject({ holds: true, harmful: 0 });
    expect(out.violating['stale-verdict-stored']).toBeGreaterThan(0);
    const text = cli('explore', 'querypilot-stale-verdict').stdout;
    expect(text).toMatch(/verdict: +✗ 9 of 20 interleavings cause harm \(harm: retry-forever\)/);
    expect(text).toContain('(diagnostic: Stale verdict stored)');
  }, 30_000);

  it('explore --sweep finds the smallest failing configuration, and list shows the same', () => {
    const sweep = JSON.parse(
      cli('explore', 'cache-aside-set-after-delete', '--fix', 'write-through', '--sweep', '--json')
        .stdout,
    );
    expect(sweep.mark).toBe('✗');
    expect(sweep.failing.params).toMatchObject({ readers: 1, writers: 2 });
    expect(sweep.boundary).toEqual(['holds at writers=1, fails at writers=2']);
    expect(sweep.failing.race.length).toBeGreaterThan(0);
    const list = JSON.parse(cli('list', '--json').stdout);
    const fix = list
      .find((s: { id: string }) => s.id === 'cache-aside-set-after-delete')
      .fixes.find((f: { id: string }) => f.id === 'write-through');
    const { configurations, harm, boundary, stopped, ...brief } = sweep;
    expect([configurations.length, harm, boundary, stopped]).toEqual([
      // Six stalls with one writer hold, then the first with two writers fails.

      7,
      ['stale-at-quiescence'],
      sweep.boundary,
      null,
    ]);
    expect(fix.verdicts.operations).toEqual(brief);
    expect(fix).not.toHaveProperty('closes');
  }, 60_000);

  it('explore --sweep --upto caps a swept parameter, and refuses one that is not swept', () => {
    const text = cli(
      'explore',
      'cache-aside-set-after-delete',
      '--fix',
      'double-delete',
      '--sweep',
      '--param',
      'pause=2',
      '--upto',
      'readers=1',
      '--upto',
      'writers=1',
    ).stdout;
    expect(text).toContain(
      'verdict: ✓ holds in every configuration up to readers=1, writers=1, pause=2',
    );
    expect(() =>
      cli('explore', 'cache-aside-set-after-delete', '--sweep', '--upto', 'delay=1'),
    ).toThrow('--upto delay: not swept');
  }, 30_000);

  it('reports a scenario figure such as the stale window in ticks', () => {
    const out = JSON.parse(
      cli('explore', 'dropped-delete-ttl-backstop', '--fix', 'ttl-backstop', '--json').stdout,
    );
    expect(out.verdict.holds).toBe(true);
    expect(out.figures[0]).toMatchObject({ unit: 'ticks' });
    expect(out.figures[0].value).toBeGreaterThan(0);
  });
});
