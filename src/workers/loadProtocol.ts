/**
 * Messages between the Load lab page and the load worker. Plain JSON both ways.
 */
import type { LoadTable } from '../scenarios/load/harness';

export interface LoadRequest {
  readonly id: number;
  readonly scenarioId: string;
  readonly seed: number;
  readonly params: Readonly<Record<string, number>>;
}

export type LoadResponse =
  | { readonly id: number; readonly type: 'progress'; readonly done: number }
  | { readonly id: number; readonly type: 'table'; readonly table: LoadTable }
  | { readonly id: number; readonly type: 'error'; readonly message: string };
