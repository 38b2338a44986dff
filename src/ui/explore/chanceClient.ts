/**
 * Asks a worker of its own for the chance of harm after each step of the pinned run (so it
 * never waits behind Find the race). A newer request ends an unfinished one; answers are kept
 * for the last few runs. An authored model travels with the request as its text.
 */
import { configKey, type SessionConfig } from '../../scenarios/session';
import { useAppStore } from '../../store/index';
import type { ExploreResponse, WorkerRequest } from '../../workers/protocol';

export interface Chances {
  /** At the start and after each step; null when the search was too large. */
  readonly chances: readonly number[] | null;
  readonly pointOfNoReturn: number | null;
}

const KEEP = 24;
const known = new Map<string, Chances>();
let worker: Worker | null = null;
let pending: { id: number; key: string; done: (answer: Chances) => void } | null = null;
let nextId = 1;

function remember(key: string, answer: Chances): void {
  known.delete(key);
  known.set(key, answer);
  while (known.size > KEEP) known.delete(known.keys().next().value as string);
}

/** Returns the answer already known for `config` and `schedule`, if any. */
export function knownChances(config: SessionConfig, schedule: readonly string[]): Chances | null {
  return known.get(`${configKey(config)}|${schedule.join(',')}`) ?? null;
}

/** Asks for the chances along `schedule`; `done` gets the answer unless a newer request came. */
export function requestChances(
  config: SessionConfig,
  schedule: readonly string[],
  done: (answer: Chances) => void,
): void {
  const key = `${configKey(config)}|${schedule.join(',')}`;
  const hit = known.get(key);
  if (hit) return done(hit);
  if (pending) {
    worker?.terminate();
    worker = null;
  }
  if (!worker) {
    worker = new Worker(new URL('../../workers/explore.worker.ts', import.meta.url), {
      type: 'module',
    });
    worker.onmessage = (event: MessageEvent<ExploreResponse>) => {
      const message = event.data;
      if (!pending || message.id !== pending.id) return;
      if (message.type !== 'chance' && message.type !== 'error') return;
      const answer: Chances =
        message.type === 'chance'
          ? { chances: message.chances, pointOfNoReturn: message.pointOfNoReturn }
          : { chances: null, pointOfNoReturn: null };
      const { key: doneKey, done: callback } = pending;
      pending = null;
      remember(doneKey, answer);
      callback(answer);
    };
    worker.onerror = () => {
      worker = null;
      pending = null;
    };
  }
  pending = { id: nextId++, key, done };
  const { authored } = useAppStore.getState();
  const request: WorkerRequest = {
    id: pending.id,
    type: 'chance',
    config,
    schedule: [...schedule],
    // An authored model travels as its text, as with Find the race.
    ...(authored?.id === config.scenarioId ? { model: authored } : {}),
  };
  worker.postMessage(request);
}
