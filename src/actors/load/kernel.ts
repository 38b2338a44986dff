/**
 * Shared helpers of the fast load kernels: the shapes xstate gives states and plans, built
 * directly. A kernel must return exactly what its machine returns (tested on the same
 * schedules), so these mirror `toState` / `toPlans` of the engine's stepper.
 */
import type { TransitionResult } from '../../engine/machines';
import type { ActorState, Json, Plan } from '../../engine/types';
import type { Payload } from '../plans';

/** Context of a kernel's actor, read as loosely typed JSON fields. */
export type Ctx = { readonly [key: string]: Json };
/** An event as delivered: its type, sender, time and payload fields. */
export type Ev = { readonly type: string; readonly from?: Json; readonly now?: Json } & Ctx;

/** No plans: one shared empty list (plans are never mutated). */
export const NO_PLANS: readonly Plan[] = [];

/** A state with `value` and `context` (active unless `done`). */
export function state(value: string, context: Ctx, done = false): ActorState {
  return { value, context, status: done ? 'done' : 'active' };
}

/** No transition: the same state, no plans. */
export function stay(current: ActorState): TransitionResult {
  return { state: current, plans: NO_PLANS };
}

/** A send plan, shaped as the stepper builds it from a `send` action's params. */
export function send(to: string, type: string, payload: Payload, reply = false): Plan {
  return reply
    ? { kind: 'send', to, type, payload, reply: true }
    : { kind: 'send', to, type, payload };
}

/** Returns the field `name` of a context or event as a number (0 when absent). */
export function num(ctx: Ctx, name: string): number {
  return (ctx[name] as number | undefined) ?? 0;
}

/** Returns the field `name` of a context or event as a string ('' when absent). */
export function str(ctx: Ctx, name: string): string {
  return (ctx[name] as string | undefined) ?? '';
}
