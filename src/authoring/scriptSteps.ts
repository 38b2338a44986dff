/**
 * The steps of a script for the `process` actor kind: their names and what each does (for docs
 * and completion), the caps on a script, and the error a broken script gets. Pure.
 */
import type { Json } from '../engine/types';
import type { Program } from '../actors/script';

/** Caps on one script. */
export const SCRIPT_LIMITS = {
  /** Steps in one script, counting those inside branches and loops. */
  steps: 64,
  /** Branches, loops and protected blocks open inside one another. */
  nesting: 4,
  /** The bound of a loop (`repeat: n`, `while … max: n`). */
  loop: 16,
  /** Fields a process declares. */
  fields: 24,
} as const;

/** Every step a script may use, with what it does (for docs and completion). */
export const STEP_DOCS = {
  get: 'GET a key from a cache: { cache, key, lease? }; waits for HIT or MISS',
  set: 'SET a key in a cache: { cache, key, value, version?, ttl?, lease? }; waits for the reply',
  add: 'ADD a key (only if absent): { cache, key, value, version?, ttl? }',
  cas: 'install a value only if newer (CAS): { cache, key, value, version?, ttl? }',
  del: 'DEL a key from a cache: { cache, key }',
  select: 'SELECT a row: { db, key }; waits for ROW',
  update: 'UPDATE a row (commits the next version): { db, key }; waits for UPDATED',
  insert: 'INSERT a row: { db, key, value }; waits for INSERTED or DUPLICATE_KEY',
  call: 'send any message and wait for the reply: { to, message, payload?, sync? }',
  send: 'send a message without waiting: { to, message, payload?, reply? }',
  await: 'wait for a message: { from?, message? }',
  sleep: 'wait some ticks: ticks, or { ticks, timer? }',
  lock: 'take a lock on a shared object, waiting while another holds it: { shared, name }',
  unlock: 'release a lock: { shared, name }',
  store: 'set fields: { field: value, … }; with shared: an object, write its fields',
  read: "read a shared object's field: { shared, field, into? }",
  raise: 'raise an exception: its name',
  try: 'run steps; an exception raised in them runs catch: (of on: [names], or any)',
  if: 'branch: { reply: TYPE } or { field, is | not | lt | gt: value }; then: […], else: […]',
  match: 'branch on a field: match: field, cases: { value: […] }, else: […]',
  repeat: 'run do: […] n times',
  while: 'run do: […] while a condition holds, at most max: n times',
  end: 'end the script here',
} as const;

export type StepName = keyof typeof STEP_DOCS;
export const STEP_NAMES = Object.keys(STEP_DOCS) as [StepName, ...StepName[]];

/** Keys a step may carry beside its name (and `as:`, on a step that waits). */
export const SIBLINGS: Readonly<Record<string, readonly string[]>> = {
  if: ['then', 'else'],
  match: ['cases', 'else'],
  repeat: ['do'],
  while: ['max', 'do'],
  try: ['catch', 'on'],
};
const LOCAL = ['raise', 'try', 'if', 'match', 'repeat', 'while', 'end'];
export const WAITING = new Set<string>(STEP_NAMES.filter((n) => !LOCAL.includes(n)));

export type ScriptPath = (string | number)[];

/** A problem with a script: where (relative to the process's options) and what was expected. */
export class ScriptError extends Error {
  constructor(
    message: string,
    readonly path: ScriptPath,
  ) {
    super(message);
  }
}

/** An actor a script names, and where. */
export interface Target {
  readonly path: ScriptPath;
  readonly id: string;
}

export interface CompiledScript {
  readonly input: { readonly program: Program; readonly fields: { [name: string]: Json } };
  readonly targets: readonly Target[];
}

export const FIELD = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;
export const MESSAGE = /^[A-Za-z_][A-Za-z0-9_]{0,31}$/;

export const isMap = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
