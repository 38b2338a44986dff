/**
 * Scenario ids the page needs before any model has loaded: the default scenario's and how an
 * authored model's id is told from a built-in's. Pure; no model code.
 */
import { CACHE_ASIDE_INFO } from './info';

/** The scenario a page opens with. */
export const DEFAULT_SCENARIO = CACHE_ASIDE_INFO.id;

/** Ids of authored models start with this (a built-in id never does). */
export const AUTHORED_PREFIX = 'authored-';

/** Returns whether `id` names an authored model (registered or not). Pure. */
export function isAuthoredId(id: string): boolean {
  return id.startsWith(AUTHORED_PREFIX);
}
