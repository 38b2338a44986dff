import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { configKey, type SessionConfig } from '../../scenarios/session';
import { useAppStore } from '../../store/index';
import { findAndCount } from '../../workers/findRun';
import type { ExploreResponse, FindRequest, WorkerRequest } from '../../workers/protocol';
import { cancelExplore, findRace, progressLine } from './exploreClient';

/** A stand-in for the explore worker: keeps what the page posts; the test answers for it. */
class FakeWorker {
  static last: FakeWorker | null = null;
  readonly posted: WorkerRequest[] = [];
  onmessage: ((event: MessageEvent<ExploreResponse>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  constructor() {
    FakeWorker.last = this;
  }
  postMessage(request: WorkerRequest): void {
    this.posted.push(request);
  }
  terminate(): void {}
  answer(message: ExploreResponse): void {
    this.onmessage?.({ data: message } as MessageEvent<ExploreResponse>);
  }
}

const config: SessionConfig = {
  scenarioId: 'cache-aside-set-after-delete',
  fix: 'none',
  granularity: 'messages',
  params: { readers: 2, writers: 2 },
};

/** What the worker answers a Find the race request for `config`, in order (done last). */
function answers(request: FindRequest): ExploreResponse[] {
  const out: ExploreResponse[] = [];
  const { id } = request;
  findAndCount(request.config, request.timeLimitMs, () => 0, {
    race: (race) => out.push({ id, type: 'race', config: request.config, race }),
    progress: (phase, transitions, ms) =>
      out.push({ id, type: 'find-progress', phase, transitions, ms }),
    result: (summary) =>
      out.push({ id, type: 'result', index: 0, config: request.config, summary }),
  });
  return [...out, { id, type: 'done' }];
}

const s = () => useAppStore.getState();
let script: ExploreResponse[] = [];

/** Starts Find the race for `config`; returns the request the page posted. */
function start(): FindRequest {
  // Forget earlier answers (a known complete answer is loaded without asking the worker).
  useAppStore.setState({ results: {}, races: {} });
  s().selectScenario(config.scenarioId);
  s().setGranularity(config.granularity);
  for (const [id, value] of Object.entries(config.params)) s().setParam(id, value);
  findRace();
  const request = FakeWorker.last!.posted.at(-1) as FindRequest;
  return request;
}

describe('Find the race in the page', () => {
  beforeAll(() => {
    (globalThis as { Worker?: unknown }).Worker = FakeWorker;
    const request = start();
    script = answers(request);
    cancelExplore();
  }, 120_000);
  afterEach(() => cancelExplore());

  it('asks the worker to find the race of the configuration on screen', () => {
    const request = start();
    expect(request).toMatchObject({ type: 'find', config });
    expect(s().explore).toMatchObject({ status: 'running', mode: 'one' });
  });

  it('pins the first race at once, the shortest in its place (no undo entry), and keeps it', () => {
    const request = start();
    const races = script.filter((m) => m.type === 'race');
    expect(races).toHaveLength(2);
    const [quick, best] = races.map((m) => (m.type === 'race' ? m.race : null));
    expect(quick!.schedule).not.toEqual(best!.schedule);
    const undo = s().undoStack.length;
    for (const message of script) {
      FakeWorker.last!.answer({ ...message, id: request.id });
      if (message.type === 'race' && message.race === quick) {
        // The quick race is pinned, the cursor on its harmful step, before any count is known.
        expect(s().schedule).toEqual(quick!.run);
        expect(s().cursor).toBe(quick!.schedule!.length);
        expect(s().results[configKey(config)]).toBeUndefined();
        expect(s().races[configKey(config)]).toEqual(quick);
      }
      if (message.type === 'find-progress') {
        expect(s().explore.progress).toBe(
          progressLine(message.phase, message.transitions, message.ms),
        );
      }
    }
    expect(s().schedule).toEqual(best!.run);
    expect(s().cursor).toBe(best!.schedule!.length);
    expect(s().undoStack.length).toBeLessThanOrEqual(undo + 1);
    expect(s().results[configKey(config)]?.complete).toBe(true);
    expect(s().explore.status).toBe('done');
  });

  it('leaves a run the user moved in alone and keeps the shortest race for the panel to offer', () => {
    const request = start();
    const [quick, best] = script.flatMap((m) => (m.type === 'race' ? [m.race] : []));
    for (const message of script) {
      FakeWorker.last!.answer({ ...message, id: request.id });
      if (message.type === 'race' && message.race === quick) s().back();
    }
    expect(s().schedule).toEqual(quick!.run);
    expect(s().cursor).toBe(quick!.schedule!.length - 1);
    expect(s().races[configKey(config)]).toEqual(best);
  });

  it('says what it is doing', () => {
    expect(progressLine('shortest', 25_600, 1_500)).toBe(
      'Looking for the shortest race… 25,600 steps tried in 1.5 s.',
    );
    expect(progressLine('count', 1_024, 20_000)).toBe(
      'Counting every interleaving… 1,024 steps tried in 20.0 s (stops after 20 s).',
    );
  });
});
