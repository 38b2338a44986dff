/**
 * The cache's optional single-threaded command queue (Redis's one thread), with the load lab's
 * semantics (`SingleThread` in engine/load/servers.ts): commands are served one at a time in
 * arrival order, each taking its duration in ticks of the world clock; a command takes effect
 * when it starts and its replies go out when it ends, so a long command holds up every command
 * behind it. Here the end is an engine timer of the cache's. Types and pure helpers.
 */
import type { Json } from '../engine/types';
import type { SendParams } from './plans';

/** The commands the queue serves (all the cache answers). */
export const QUEUED_COMMANDS = ['GET', 'WAIT', 'SET', 'ADD', 'CAS', 'DEL', 'INVALIDATE'] as const;

/** A duration for some commands: those of `command` (any when absent) on `key` (any when absent). */
export interface QueueRule {
  readonly command?: (typeof QUEUED_COMMANDS)[number];
  readonly key?: string;
  readonly duration: number;
}

export interface CacheQueue {
  /** Ticks a command takes unless a rule says otherwise (at least 1). */
  readonly duration: number;
  /** The first rule that matches a command gives its duration (e.g. a DEL of a big key). */
  readonly durations?: readonly QueueRule[];
}

/** A command as it waits in the queue: the delivered event without its time. */
export interface QueuedCommand {
  readonly type: string;
  readonly from: string;
  readonly key?: string;
  readonly [field: string]: Json | undefined;
}

/** The queue's part of a cache's context (present only when the cache has a queue). */
export interface QueueState {
  readonly queue: CacheQueue;
  /** Whether a command is being served (its end timer is set). */
  readonly busy: boolean;
  /** What the command being served sends when it ends, in order. */
  readonly held: readonly SendParams[];
  /** Commands that arrived while another was served, oldest first. */
  readonly waiting: readonly QueuedCommand[];
}

/** Returns the ticks `command` takes: the first matching rule's duration, else the default. Pure. */
export function durationOf(queue: CacheQueue, command: QueuedCommand): number {
  for (const rule of queue.durations ?? []) {
    if (rule.command !== undefined && rule.command !== command.type) continue;
    if (rule.key !== undefined && rule.key !== command.key) continue;
    return rule.duration;
  }
  return queue.duration;
}

/** Returns the queue's starting context for `queue`, or nothing for a cache without one. Pure. */
export function queueContext(queue: CacheQueue | undefined): QueueState | Record<string, never> {
  return queue ? { queue, busy: false, held: [], waiting: [] } : {};
}

/** Returns `event` as it waits in the queue: without its time and serving mark. Pure. */
export function queuedCommand(event: { readonly [field: string]: unknown }): QueuedCommand {
  const { now: _now, served: _served, ...command } = event;
  return command as QueuedCommand;
}
