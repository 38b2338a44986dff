// `explore --pct`: PCT's hit rate, bound and a replayable first hit, from the command line.
import { describe, expect, it } from 'vitest';
import { parseCli, UsageError } from './args';
import { runRequest } from './run';

const cli = (...argv: string[]) => runRequest(parseCli(argv));
const ID = 'cache-aside-set-after-delete';

describe('explore --pct', () => {
  it('reports the hit rate over the runs, the bound and the first hit in JSON', () => {
    const out = JSON.parse(
      cli('explore', ID, '--pct', '--depth', '2', '--runs', '300', '--json').stdout,
    );
    expect(out.pct).toMatchObject({ depth: 2, runs: 300, threads: 5, longest: 6 });
    expect(out.pct.bound).toBeCloseTo(1 / (5 * 6));
    expect(out.pct.hits).toBeGreaterThan(0);
    expect(out.pct.rate).toBe(out.pct.hits / 300);
  });

  it('prints a replay command for the first hit that reproduces the harm', () => {
    const text = cli('explore', ID, '--pct', '--runs', '200').stdout;
    expect(text).toMatch(/PCT depth 3 \(5 threads, runs of at most 6 steps\), seeds 1…200:/);
    const command = /npm run interleave -- (replay .*)$/m.exec(text)?.[1];
    expect(command).toBeDefined();
    const schedule = /--schedule "([^"]+)"/.exec(command ?? '')?.[1] ?? '';
    const replayed = JSON.parse(cli('replay', ID, '--schedule', schedule, '--json').stdout);
    expect(replayed.violations.map((v: { invariant: string }) => v.invariant)).toContain(
      'stale-set',
    );
  });

  it('the same seed gives the same report; no run hits harm under leases', () => {
    const a = cli('explore', ID, '--pct', '--seed', '9', '--runs', '100', '--json').stdout;
    const b = cli('explore', ID, '--pct', '--seed', '9', '--runs', '100', '--json').stdout;
    expect(a).toBe(b);
    const leases = JSON.parse(
      cli('explore', ID, '--fix', 'leases', '--pct', '--runs', '100', '--json').stdout,
    );
    expect(leases.pct.hits).toBe(0);
    expect(leases.pct.firstHitSeed).toBeNull();
  });

  it('refuses a depth or run count out of range', () => {
    expect(() => parseCli(['explore', ID, '--pct', '--depth', '0'])).toThrow(UsageError);
    expect(() => parseCli(['explore', ID, '--pct', '--runs', '1000000'])).toThrow(UsageError);
  });
});

describe('replay: the point of no return', () => {
  it('prints the chance after each step and where harm becomes certain', () => {
    const schedule = 'reader->cache,reader->db,writer->db,writer->cache,reader->cache';
    const text = cli('replay', ID, '--schedule', schedule).stdout;
    expect(text).toContain('6.250% → 12.50% → 25.00% → 50.00% → 100% → 100%');
    expect(text).toContain('point of no return: after step 4, harm is certain');
    const json = JSON.parse(cli('replay', ID, '--schedule', schedule, '--json').stdout);
    expect(json.harmChanceAlong).toEqual([0.0625, 0.125, 0.25, 0.5, 1, 1]);
    expect(json.pointOfNoReturn).toBe(4);
  });

  it('says when harm is never certain along a run', () => {
    const text = cli('replay', ID, '--fix', 'leases', '--schedule', 'reader->cache').stdout;
    expect(text).toContain('no point of no return');
  });
});
