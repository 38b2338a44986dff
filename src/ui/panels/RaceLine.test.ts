import { describe, expect, it } from 'vitest';
import { raceLine } from './RaceLine';

const race = {
  schedule: ['a', 'b', 'c'],
  run: ['a', 'b', 'c', 'd'],
  shortest: false,
  searching: true,
  stoppedMessage: null,
  ms: 420,
};

describe('raceLine', () => {
  it('says a race is not yet known to be the shortest while the search goes on', () => {
    expect(raceLine(race, true, true)).toBe(
      'A race in 3 steps (pinned on the diagram, found in 0.4 s); looking for the shortest…',
    );
    expect(raceLine(race, false, true)).toBe(
      'A race in 3 steps (pinned on the diagram, found in 0.4 s); not known to be the shortest.',
    );
  });

  it('says why the search for the shortest stopped', () => {
    const stopped = { ...race, searching: false, stoppedMessage: 'it stopped after 10.0 s' };
    expect(raceLine(stopped, true, false)).toBe(
      'A race in 3 steps (found in 0.4 s); not known to be the shortest: it stopped after 10.0 s.',
    );
  });

  it('names the shortest race, and no harm only when every state was searched', () => {
    expect(raceLine({ ...race, shortest: true, searching: false }, true, true)).toBe(
      'Shortest race: 3 steps (pinned on the diagram, found in 0.4 s).',
    );
    const none = { ...race, schedule: null, run: null, shortest: true, searching: false };
    expect(raceLine(none, true, false)).toBe(
      'No interleaving causes harm: every reachable state was searched.',
    );
    expect(raceLine({ ...none, shortest: false }, true, false)).toBe('No race found yet.');
  });
});
