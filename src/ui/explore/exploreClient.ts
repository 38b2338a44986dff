/**
 * Talks to the explore Web Worker: "Find the race" for the current configuration (a race pinned
 * at once, the shortest when proven, then the counts with progress), and verdict sweeps (one
 * fix, or every fix for "Compare all fixes"). Cancel terminates the worker; the next request
 * starts a fresh one. An authored model travels with each request as its text.
 */
import { verdictKey } from '../../scenarios/judge';
import { findScenario } from '../../scenarios/registry';
import { configKey, type SessionConfig } from '../../scenarios/session';
import { cachedVerdict } from '../../scenarios/verdicts';
import { useAppStore } from '../../store/index';
import type {
  AuthoredModel,
  ExploreResponse,
  ExploreSummary,
  FindRequest,
  SweepRequest,
} from '../../workers/protocol';

/** Time budget per configuration, and per fix of a sweep, in milliseconds. */
export const TIME_LIMIT_MS = 20_000;

let worker: Worker | null = null;
let nextId = 1;
let current: {
  id: number;
  mode: 'one' | 'sweep';
  total: number;
  labels: readonly string[];
  /** The run Find the race pinned, and its cursor (a better race replaces it while unchanged). */
  pinned: { run: readonly string[]; cursor: number } | null;
} | null = null;

function configNow(): SessionConfig {
  const s = useAppStore.getState();
  return { scenarioId: s.scenarioId, fix: s.fix, granularity: s.granularity, params: s.params };
}

/** The authored model a request about `scenarioId` must carry (none for a built-in). */
function modelOf(scenarioId: string): { model: AuthoredModel } | Record<string, never> {
  const { authored } = useAppStore.getState();
  return authored?.id === scenarioId ? { model: authored } : {};
}

function onMessage(event: MessageEvent<ExploreResponse>): void {
  const message = event.data;
  if (!current || message.id !== current.id) return;
  const store = useAppStore.getState();
  const fixOf = (i: number) => `${current?.labels[i] ?? 'fix'} (${i + 1} of ${current?.total})`;
  switch (message.type) {
    case 'error':
      current = null;
      return store.exploreEnded('error', message.message);
    case 'done':
      current = null;
      return store.exploreEnded('done');
    case 'find-progress':
      return store.exploreProgress(progressLine(message.phase, message.transitions, message.ms));
    case 'race': {
      const key = configKey(message.config);
      store.raceFound(key, message.race);
      if (key === configKey(configNow())) pinRace(message.race.schedule, message.race.run);
      return;
    }
    case 'sweep-progress':
      return store.sweepProgress(
        `Judging ${fixOf(message.fixIndex)}: configuration ${message.config} of ${message.configs}…`,
      );
    case 'verdict':
      return store.sweepResult(message.key, message.summary, `Judged ${fixOf(message.fixIndex)}.`);
    case 'result': {
      const key = configKey(message.config);
      store.exploreResult(key, message.summary, '');
      // Load the shortest violating schedule when the answer is for what is on screen.
      if (current.mode === 'one' && key === configKey(configNow())) {
        pinRace(message.summary.shortest, message.summary.run);
      }
    }
  }
}

/** What Find the race is doing, for people. Pure. */
export function progressLine(phase: 'shortest' | 'count', transitions: number, ms: number): string {
  const tried = `${transitions.toLocaleString('en')} steps tried in ${(ms / 1000).toFixed(1)} s`;
  return phase === 'shortest'
    ? `Looking for the shortest race… ${tried}.`
    : `Counting every interleaving… ${tried} (stops after ${TIME_LIMIT_MS / 1000} s).`;
}

const same = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((key, i) => key === b[i]);

/**
 * Pins a race the running Find the race found (cursor on its harmful step): the first one
 * loads; a later, different one (the shortest) replaces it while the pinned run and its cursor
 * are as loaded, and is otherwise left to the exploration panel to offer.
 */
function pinRace(race: readonly string[] | null, run: readonly string[] | null): void {
  if (!current || current.mode !== 'one' || !race) return;
  const store = useAppStore.getState();
  const full = run ?? race;
  const { pinned } = current;
  if (!pinned) {
    store.loadSchedule(full, race.length);
    const { schedule, cursor } = useAppStore.getState();
    current.pinned = { run: schedule, cursor };
    return;
  }
  if (same(pinned.run, full) || store.cursor !== pinned.cursor) return;
  if (store.replaceRun(pinned.run, full, race.length)) {
    const { schedule, cursor } = useAppStore.getState();
    current.pinned = { run: schedule, cursor };
  }
}

/**
 * Loads a found race with the cursor on the step that breaks the invariant; the rest of the
 * run (what happens next if nothing else intervenes) is the pinned future.
 */
function loadRace(summary: ExploreSummary): void {
  const { shortest, run } = summary;
  if (shortest) useAppStore.getState().loadSchedule(run ?? shortest, shortest.length);
}

function post(
  mode: 'one' | 'sweep',
  labels: readonly string[],
  request: FindRequest | SweepRequest,
): void {
  if (current) cancelExplore();
  if (!worker) {
    worker = new Worker(new URL('../../workers/explore.worker.ts', import.meta.url), {
      type: 'module',
    });
    worker.onmessage = onMessage;
    worker.onerror = (event) => {
      current = null;
      worker = null;
      useAppStore.getState().exploreEnded('error', event.message || 'the explorer stopped');
    };
  }
  current = { id: request.id, mode, total: labels.length, labels, pinned: null };
  useAppStore.getState().exploreStarted(mode, configKey(configNow()));
  worker.postMessage(request);
}

function start(config: SessionConfig): void {
  const request: FindRequest = {
    id: nextId++,
    type: 'find',
    config,
    timeLimitMs: TIME_LIMIT_MS,
    ...modelOf(config.scenarioId),
  };
  post('one', [config.fix], request);
}

/**
 * Finds the race of the current configuration and explores every interleaving (unless already
 * known): a harmful run is pinned as soon as one is found, the shortest in its place once proven.
 */
export function findRace(): void {
  const config = configNow();
  const store = useAppStore.getState();
  const known = store.results[configKey(config)];
  // Already explored: answer at once.
  if (known?.complete && !current) {
    loadRace(known);
    return;
  }
  start(config);
}

/** Returns whether the verdict on `fix` at the current configuration is known (committed or judged). */
function judged(fix: string): boolean {
  const { scenarioId, granularity, params, sweeps } = useAppStore.getState();
  const scenario = findScenario(scenarioId);
  if (!scenario) return true;
  return (
    cachedVerdict(scenarioId, fix, granularity, params) !== null ||
    sweeps[verdictKey(scenario, fix, granularity, params)] !== undefined
  );
}

/**
 * Judges `fixes` of the current scenario over its sweep, at the current granularity and
 * parameters, in the worker; each verdict lands in the store as it is computed.
 */
export function judgeFixes(fixes: readonly string[]): void {
  const config = configNow();
  const scenario = findScenario(config.scenarioId);
  if (!scenario || fixes.length === 0) return;
  const request: SweepRequest = {
    id: nextId++,
    type: 'sweep',
    scenarioId: config.scenarioId,
    ...modelOf(config.scenarioId),
    granularity: config.granularity,
    params: config.params,
    fixes,
    timeLimitMs: TIME_LIMIT_MS,
  };
  const labels = fixes.map((id) => scenario.fixes.find((f) => f.id === id)?.label ?? id);
  post('sweep', labels, request);
}

/**
 * Judges every fix of the current scenario whose verdict at the current granularity and
 * parameters is not known yet (committed verdicts and earlier sweeps are kept). Returns how
 * many fixes it set out to judge.
 */
export function compareAllFixes(): number {
  const scenario = findScenario(useAppStore.getState().scenarioId);
  if (!scenario) return 0;
  const missing = scenario.fixes.map((f) => f.id).filter((id) => !judged(id));
  judgeFixes(missing);
  return missing.length;
}

/** Stops a running exploration at once (terminates the worker). */
export function cancelExplore(): void {
  worker?.terminate();
  worker = null;
  if (current) useAppStore.getState().exploreEnded('cancelled');
  current = null;
}
