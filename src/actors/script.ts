/**
 * The instruction set of a scripted process and its interpreter: a flat program (compiled from
 * a script of steps) run from one waiting step to the next. Pure and total: loops are bounded
 * by counters, and every run stops within a fixed budget of instructions.
 */
import type { Json } from '../engine/types';
import type { SendParams, TimerParams } from './plans';

/** A value: a literal, a local field, a field of the last reply, or a map/list built of them. */
export type Expr =
  | readonly ['lit', Json]
  | readonly ['var', string]
  | readonly ['reply', string]
  | readonly ['obj', { readonly [key: string]: Expr }]
  | readonly ['list', readonly Expr[]];

/** A condition on the last reply's type or on a value. */
export type Cond =
  | { readonly reply: readonly string[] }
  | { readonly value: Expr; readonly test: 'is' | 'not' | 'lt' | 'gt'; readonly than: Expr };

export type Instr =
  /** Sends a message; with `wait`, stops until the addressee's next message (its reply). */
  | {
      readonly op: 'send';
      readonly to: Expr;
      readonly type: string;
      readonly payload: Expr;
      readonly wait: boolean;
      readonly sync?: boolean;
      readonly reply?: boolean;
      readonly phase: string;
    }
  /** Stops until a message arrives (from `from`, of one of `types`, when given). */
  | {
      readonly op: 'await';
      readonly from: Expr | null;
      readonly types: readonly string[] | null;
      readonly phase: string;
    }
  /** Starts timer `timer` and stops until it fires. */
  | { readonly op: 'sleep'; readonly ticks: Expr; readonly timer: string; readonly phase: string }
  | { readonly op: 'store'; readonly fields: { readonly [name: string]: Expr } }
  /** Goes on when the condition holds, else jumps to `else`. */
  | { readonly op: 'branch'; readonly cond: Cond; readonly else: number }
  | { readonly op: 'jump'; readonly to: number }
  /** Sets loop counter `slot` to `times`. */
  | { readonly op: 'count'; readonly slot: number; readonly times: Expr }
  /** Leaves the loop (jumps to `exit`) when its counter is spent or `cond` fails; else counts one. */
  | { readonly op: 'loop'; readonly slot: number; readonly exit: number; readonly cond?: Cond }
  /** Enters a protected block: an exception raised inside it (of `catches`, all when null) jumps to `handler`. */
  | { readonly op: 'try'; readonly handler: number; readonly catches: readonly string[] | null }
  | { readonly op: 'untry' }
  | { readonly op: 'raise'; readonly error: Expr }
  | { readonly op: 'end' };

export interface Program {
  readonly code: readonly Instr[];
  /** Loop counters the program uses. */
  readonly slots: number;
}

/** The interpreter's own fields of a process's context; the rest are the script's fields. */
export interface Run {
  readonly program: Program;
  /** The instruction the process is at (waiting on it, or the end). */
  readonly pc: number;
  /** The label of the step the process waits on; `done` or `raised` once it has ended. */
  readonly phase: string;
  /** The last message received (its type, sender and payload), or null. */
  readonly reply: { readonly [key: string]: Json } | null;
  readonly counters: readonly number[];
  readonly handlers: readonly { readonly at: number; readonly catches: readonly string[] | null }[];
  /** Exceptions raised, in order; the last one ended the process when its phase is `raised`. */
  readonly raised: readonly string[];
}

export type ProcessContext = Run & { readonly [field: string]: Json | Program | unknown };

/** Fields a script may not declare: the interpreter's own. */
export const RESERVED_FIELDS: readonly string[] = [
  'program',
  'pc',
  'phase',
  'reply',
  'counters',
  'handlers',
  'raised',
  'steps',
];

/** Instructions one transition may run before the process is stopped (a runaway guard). */
export const RUN_BUDGET = 2000;

export type ScriptPlan =
  | { readonly type: 'send'; readonly params: SendParams }
  | { readonly type: 'startTimer'; readonly params: TimerParams };

export interface Incoming {
  readonly type: string;
  readonly from?: string;
  readonly name?: string;
  readonly [key: string]: Json | undefined;
}

function evaluate(expr: Expr, context: ProcessContext): Json {
  switch (expr[0]) {
    case 'lit':
      return expr[1];
    case 'var':
      return (context[expr[1]] as Json | undefined) ?? null;
    case 'reply':
      return context.reply?.[expr[1]] ?? null;
    case 'obj': {
      const out: { [key: string]: Json } = {};
      for (const [k, v] of Object.entries(expr[1])) out[k] = evaluate(v, context);
      return out;
    }
    case 'list':
      return expr[1].map((v) => evaluate(v, context));
  }
}

function holds(cond: Cond, context: ProcessContext): boolean {
  if ('reply' in cond) return cond.reply.includes(String(context.reply?.['type'] ?? ''));
  const left = evaluate(cond.value, context);
  const right = evaluate(cond.than, context);
  switch (cond.test) {
    case 'is':
      return Array.isArray(right) ? right.some((r) => r === left) : left === right;
    case 'not':
      return Array.isArray(right) ? !right.some((r) => r === left) : left !== right;
    case 'lt':
      return typeof left === 'number' && typeof right === 'number' && left < right;
    case 'gt':
      return typeof left === 'number' && typeof right === 'number' && left > right;
  }
}

/** Whether `event` is what the process waits for at `instr`. */
function awaited(instr: Instr | undefined, event: Incoming, context: ProcessContext): boolean {
  if (!instr) return false;
  if (instr.op === 'sleep') return event.type === 'TIMER' && event.name === instr.timer;
  if (event.from === undefined) return false;
  if (instr.op === 'send') return instr.wait && event.from === evaluate(instr.to, context);
  if (instr.op !== 'await') return false;
  if (instr.from !== null && event.from !== evaluate(instr.from, context)) return false;
  return instr.types === null || instr.types.includes(event.type);
}

function received(event: Incoming): { [key: string]: Json } {
  const { now: _now, name: _name, ...rest } = event;
  return rest as { [key: string]: Json };
}

const integer = (value: Json, low: number, high: number): number =>
  typeof value === 'number' && Number.isInteger(value) ? Math.min(Math.max(value, low), high) : low;

/**
 * Runs the process from where it stands: first, when `event` is given, takes it as what the
 * process waits for (returns null when it waits for something else); then runs instructions up
 * to the next waiting step or the end. Returns the changed fields and the plans to carry out.
 * Pure.
 */
export function runScript(
  context: ProcessContext,
  event: Incoming | null,
): { readonly changes: Partial<ProcessContext>; readonly plans: readonly ScriptPlan[] } | null {
  const code = context.program.code;
  const state = { ...context } as { -readonly [K in keyof ProcessContext]: ProcessContext[K] };
  let pc = context.pc;
  if (event !== null) {
    if (!awaited(code[pc], event, context)) return null;
    if (event.type !== 'TIMER') state.reply = received(event);
    pc++;
  }
  const plans: ScriptPlan[] = [];
  let counters = [...context.counters];
  let handlers = [...context.handlers];
  let raised = [...context.raised];
  const raise = (error: string): void => {
    raised = [...raised, error];
    let handler = handlers.pop();
    while (handler && handler.catches !== null && !handler.catches.includes(error))
      handler = handlers.pop();
    pc = handler ? handler.at : -1;
  };
  let phase: string | null = null;
  for (let fuel = RUN_BUDGET; phase === null; fuel--) {
    if (fuel === 0) {
      raised = [...raised, 'StepBudgetExceeded'];
      pc = -1;
    }
    const instr = pc < 0 ? undefined : code[pc];
    if (!instr) {
      phase = raised.length > 0 && pc < 0 ? 'raised' : 'done';
      break;
    }
    switch (instr.op) {
      case 'send': {
        const to = evaluate(instr.to, state as ProcessContext);
        // A target read from the last reply may be missing (nothing was received yet).
        if (typeof to !== 'string' || to === '') {
          raise('NoSuchActor');
          break;
        }
        const payload = evaluate(instr.payload, state as ProcessContext) as SendParams['payload'];
        plans.push({
          type: 'send',
          params: {
            to,
            type: instr.type,
            ...(payload === undefined ? {} : { payload }),
            ...(instr.sync ? { sync: true } : {}),
            ...(instr.reply ? { reply: true } : {}),
          },
        });
        if (instr.wait) phase = instr.phase;
        else pc++;
        break;
      }
      case 'await':
        phase = instr.phase;
        break;
      case 'sleep': {
        const delay = integer(evaluate(instr.ticks, state as ProcessContext), 0, 1000);
        plans.push({ type: 'startTimer', params: { name: instr.timer, delay } });
        phase = instr.phase;
        break;
      }
      case 'store':
        for (const [field, expr] of Object.entries(instr.fields))
          state[field] = evaluate(expr, state as ProcessContext);
        pc++;
        break;
      case 'branch':
        pc = holds(instr.cond, state as ProcessContext) ? pc + 1 : instr.else;
        break;
      case 'jump':
        pc = instr.to;
        break;
      case 'count':
        counters[instr.slot] = integer(evaluate(instr.times, state as ProcessContext), 0, 1000);
        pc++;
        break;
      case 'loop': {
        const left = counters[instr.slot] ?? 0;
        if (left <= 0 || (instr.cond && !holds(instr.cond, state as ProcessContext))) {
          pc = instr.exit;
        } else {
          counters[instr.slot] = left - 1;
          pc++;
        }
        break;
      }
      case 'try':
        handlers.push({ at: instr.handler, catches: instr.catches });
        pc++;
        break;
      case 'untry':
        handlers.pop();
        pc++;
        break;
      case 'raise':
        raise(String(evaluate(instr.error, state as ProcessContext)));
        break;
      case 'end':
        pc = code.length;
        break;
    }
  }
  const ended = phase === 'done' || phase === 'raised';
  if (ended) {
    // An ended process keeps its fields and exceptions, and nothing of how it got there.
    state.reply = null;
    counters = counters.map(() => 0);
    handlers = [];
    pc = code.length;
  }
  return {
    changes: { ...state, pc, phase, counters, handlers, raised } as Partial<ProcessContext>,
    plans,
  };
}

/** The context a process starts with: its fields, then the interpreter's own. Pure. */
export function startContext(input: {
  readonly program: Program;
  readonly fields: { readonly [name: string]: Json };
}): ProcessContext {
  return {
    ...input.fields,
    program: input.program,
    pc: 0,
    phase: 'start',
    reply: null,
    counters: Array.from({ length: input.program.slots }, () => 0),
    handlers: [],
    raised: [],
  };
}
