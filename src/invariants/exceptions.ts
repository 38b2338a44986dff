/**
 * Detectors for the duplicate-insert race of a check-then-act cache fill: an exception chain
 * raised to a caller (the harm), and as diagnostics an ExistingEntry swallowed inside the task
 * and the same user fetched from upstream more than once. Pure functions of worlds and steps.
 */
import { exceptionChain, type FetchTaskContext } from '../actors/fetchTask';
import type { UpstreamContext } from '../actors/upstream';
import type { Invariant } from '../engine/types';

/**
 * A task's call raised ExistingEntry to its caller while it was handling NonExistentEntry
 * (marked at that step). A swallowed exception does not count: the caller never sees it.
 */
export function exceptionRaised(tasks: readonly string[]): Invariant {
  return {
    id: 'exception-raised',
    title: 'Exception raised (ExistingEntry during NonExistentEntry)',
    onStep: ({ before, after }) => {
      for (const task of tasks) {
        const now = after.actors[task];
        if (now?.value !== 'raised' || before.actors[task]?.value === 'raised') continue;
        const context = now.context as unknown as FetchTaskContext;
        return `${task} raised ${exceptionChain(context.raised)}`;
      }
      return null;
    },
  };
}

/**
 * A task's add_entry raised ExistingEntry and the task caught it (marked at that step): the
 * race happened, though the caller never hears of it.
 */
export function exceptionCaught(tasks: readonly string[]): Invariant {
  return {
    id: 'exception-caught',
    title: 'ExistingEntry raised inside add_entry and swallowed',
    onStep: ({ before, after }) => {
      for (const task of tasks) {
        const now = after.actors[task]?.context as unknown as FetchTaskContext | undefined;
        const was = before.actors[task]?.context as unknown as FetchTaskContext | undefined;
        if (!now?.swallowed || was?.swallowed) continue;
        return `${task}'s add_entry raised ${now.swallowed}, which the task caught and ignored`;
      }
      return null;
    },
  };
}

/** The upstream served a second call for the same user (marked at that call). */
export function duplicateUpstreamFetch(upstream: string): Invariant {
  return {
    id: 'duplicate-fetch',
    title: 'Duplicate upstream fetch',
    onStep: ({ before, after, record }) => {
      if (!record.changed.includes(upstream)) return null;
      const was = (before.actors[upstream]?.context as unknown as UpstreamContext).calls;
      const now = (after.actors[upstream]?.context as unknown as UpstreamContext).calls;
      for (const user of Object.keys(now).sort()) {
        const calls = now[user] ?? 0;
        if (calls > 1 && (was[user] ?? 0) <= 1)
          return `user ${user} fetched from upstream ${calls} times: the cache did not save the second call`;
      }
      return null;
    },
  };
}

/**
 * A process ended on an exception nothing caught (marked at that step): the state of a scripted
 * process that raised, with the exceptions it raised on the way.
 */
export function uncaughtException(processes: readonly string[]): Invariant {
  return {
    id: 'uncaught-exception',
    title: 'Uncaught exception',
    onStep: ({ before, after }) => {
      for (const id of processes) {
        const now = after.actors[id];
        if (now?.value !== 'raised' || before.actors[id]?.value === 'raised') continue;
        const raised = (now.context as { raised?: readonly string[] }).raised ?? [];
        return `${id} failed with ${raised[raised.length - 1] ?? 'an exception'}, which nothing caught`;
      }
      return null;
    },
  };
}
