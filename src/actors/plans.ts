/**
 * The custom actions every actor uses to ask the engine for effects. Their implementations do
 * nothing: the engine reads them, with their params, from xstate's pure `transition()` result.
 */
import type { Json } from '../engine/types';

export type Payload = { readonly [key: string]: Json };

export interface SendParams {
  readonly to: string;
  readonly type: string;
  readonly payload?: Payload;
  /** A reply to the request being handled (delivered with it in `operations` granularity). */
  readonly reply?: boolean;
  /**
   * A synchronous call (e.g. a method on an in-process object): the reply comes back within the
   * same step whatever the granularity, so nothing can run between the call and its result.
   */
  readonly sync?: boolean;
  /**
   * Made within the sender's own step: delivered as soon as it is sent, with no step of anyone
   * else's before it (e.g. an asyncio task's code between two awaits).
   */
  readonly inline?: boolean;
  /** A separate FIFO lane, e.g. the replication stream. */
  readonly lane?: string;
}

export interface TimerParams {
  readonly name: string;
  readonly delay: number;
  readonly payload?: Payload;
}

/** Action implementations for `setup({ actions })`; intentionally inert. */
export const planActions = {
  send: (_: unknown, _params: SendParams): void => undefined,
  startTimer: (_: unknown, _params: TimerParams): void => undefined,
  cancelTimer: (_: unknown, _params: { readonly name: string }): void => undefined,
};

/** Fields the engine adds to every delivered event. */
export interface Delivered {
  readonly from: string;
  readonly now: number;
}
