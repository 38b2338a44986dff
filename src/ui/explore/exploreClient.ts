/**
 * Talks to the explore Web Worker: "Find the race" for the current configuration and the
 * whole fix matrix. Cancel terminates the worker; the next request starts a fresh one.
 */
import { configKey, type SessionConfig } from '../../scenarios/session';
import { findScenario } from '../../scenarios/index';
import { useAppStore } from '../../store/index';
import type { ExploreRequest, ExploreResponse, ExploreSummary } from '../../workers/protocol';

/** Time budget per configuration, in milliseconds. */
const TIME_LIMIT_MS = 20_000;

let worker: Worker | null = null;
let nextId = 1;
let current: { id: number; mode: 'one' | 'all'; total: number } | null = null;

function configNow(): SessionConfig {
  const s = useAppStore.getState();
  return { scenarioId: s.scenarioId, fix: s.fix, granularity: s.granularity, params: s.params };
}

function onMessage(event: MessageEvent<ExploreResponse>): void {
  const message = event.data;
  if (!current || message.id !== current.id) return;
  const store = useAppStore.getState();
  if (message.type === 'error') {
    current = null;
    return store.exploreEnded('error', message.message);
  }
  if (message.type === 'done') {
    current = null;
    return store.exploreEnded('done');
  }
  const key = configKey(message.config);
  const progress =
    current.mode === 'all' ? `Explored ${message.index + 1} of ${current.total} fixes…` : '';
  store.exploreResult(key, message.summary, progress);
  // Load the shortest violating schedule when the answer is for what is on screen.
  if (current.mode === 'one' && key === configKey(configNow())) loadRace(message.summary);
}

/**
 * Loads a found race with the cursor on the step that breaks the invariant; the rest of the
 * run (what happens next if nothing else intervenes) is the pinned future.
 */
function loadRace(summary: ExploreSummary): void {
  const { shortest, run } = summary;
  if (shortest) useAppStore.getState().loadSchedule(run ?? shortest, shortest.length);
}

function start(mode: 'one' | 'all', configs: readonly SessionConfig[]): void {
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
  const id = nextId++;
  current = { id, mode, total: configs.length };
  useAppStore.getState().exploreStarted(mode, configKey(configNow()));
  const request: ExploreRequest = { id, configs, timeLimitMs: TIME_LIMIT_MS };
  worker.postMessage(request);
}

/**
 * Explores every interleaving of the current configuration (unless already known) and loads
 * the shortest race.
 */
export function findRace(): void {
  const config = configNow();
  const store = useAppStore.getState();
  const known = store.results[configKey(config)];
  // Already explored (e.g. by Compare all fixes): answer at once.
  if (known?.complete && !current) {
    loadRace(known);
    return;
  }
  start('one', [config]);
}

/** Explores every fix of the current scenario (the scenario × fix matrix), one after another. */
export function exploreAllFixes(): void {
  const config = configNow();
  const scenario = findScenario(config.scenarioId);
  if (!scenario) return;
  start(
    'all',
    scenario.fixes.map((f) => ({ ...config, fix: f.id })),
  );
}

/** Stops a running exploration at once (terminates the worker). */
export function cancelExplore(): void {
  worker?.terminate();
  worker = null;
  if (current) useAppStore.getState().exploreEnded('cancelled');
  current = null;
}
