/**
 * Messages between the page and the authoring worker, which checks a model's YAML text off
 * the main thread as it is typed. Plain JSON both ways.
 */
import type { AuthoringError } from '../authoring/source';

export interface CheckRequest {
  readonly id: number;
  readonly text: string;
}

export interface CheckResponse {
  readonly id: number;
  /** The errors, with line and column; empty when the model loads. */
  readonly errors: readonly AuthoringError[];
  /** The model's app id when it loads. */
  readonly modelId: string | null;
  /** Wall time of the check in the worker, in milliseconds. */
  readonly ms: number;
}
