/**
 * Scripts of steps for the `process` actor kind: their names (for completion), their checks
 * (each problem with its path and what was expected) and their compilation into the flat
 * program the script process runs. Pure; a script is data, never code.
 */
import type { Json } from '../engine/types';
import { RESERVED_FIELDS, type Cond, type Expr, type Instr, type Program } from '../actors/script';

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

/** Keys a step may carry beside its name. */
const SIBLINGS: Readonly<Record<string, readonly string[]>> = {
  if: ['then', 'else'],
  match: ['cases', 'else'],
  repeat: ['do'],
  while: ['max', 'do'],
  try: ['catch', 'on'],
};
const LOCAL = ['raise', 'try', 'if', 'match', 'repeat', 'while', 'end'];
const WAITING = new Set<string>(STEP_NAMES.filter((n) => !LOCAL.includes(n)));

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

const FIELD = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;
const MESSAGE = /^[A-Za-z_][A-Za-z0-9_]{0,31}$/;

const isMap = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

class Compiler {
  readonly code: Instr[] = [];
  readonly targets: Target[] = [];
  slots = 0;
  steps = 0;
  constructor(readonly fields: Set<string>) {}

  value(v: unknown, path: ScriptPath): Expr {
    if (typeof v === 'string' && v.startsWith('@')) {
      if (v.startsWith('@@')) return ['lit', v.slice(1)];
      const name = v.slice(1);
      const reply = /^reply\.([A-Za-z_][A-Za-z0-9_]{0,39})$/.exec(name);
      if (reply) return ['reply', reply[1]!];
      if (!this.fields.has(name))
        throw new ScriptError(
          `unknown field "${name}"; expected one of: ${[...this.fields].join(', ') || '(none declared)'}, or reply.<field>`,
          path,
        );
      return ['var', name];
    }
    if (Array.isArray(v)) return ['list', v.map((x, i) => this.value(x, [...path, i]))];
    if (isMap(v)) {
      const out: Record<string, Expr> = {};
      for (const [k, x] of Object.entries(v)) out[k] = this.value(x, [...path, k]);
      return ['obj', out];
    }
    return ['lit', (v ?? null) as Json];
  }

  actor(v: unknown, path: ScriptPath): Expr {
    if (typeof v !== 'string' || v === '')
      throw new ScriptError('expected an actor id (or @field)', path);
    if (!v.startsWith('@')) this.targets.push({ path, id: v });
    return this.value(v, path);
  }

  args(v: unknown, path: ScriptPath, required: readonly string[], optional: readonly string[]) {
    if (!isMap(v))
      throw new ScriptError(
        `expected { ${[...required, ...optional.map((o) => `${o}?`)].join(', ')} }`,
        path,
      );
    for (const key of Object.keys(v)) {
      if (!required.includes(key) && !optional.includes(key))
        throw new ScriptError(
          `unknown argument "${key}"; expected ${[...required, ...optional].join(', ')}`,
          [...path, key],
        );
    }
    for (const key of required)
      if (!(key in v)) throw new ScriptError(`missing argument "${key}"`, path);
    return v;
  }

  cond(v: unknown, path: ScriptPath): Cond {
    if (isMap(v) && 'reply' in v && Object.keys(v).length === 1) {
      const types = Array.isArray(v['reply']) ? v['reply'] : [v['reply']];
      if (types.length === 0 || !types.every((t) => typeof t === 'string' && MESSAGE.test(t)))
        throw new ScriptError('expected a message type like HIT, or a list of them', [
          ...path,
          'reply',
        ]);
      return { reply: types as string[] };
    }
    const tests = ['is', 'not', 'lt', 'gt'] as const;
    const test = isMap(v) ? tests.find((t) => t in v) : undefined;
    if (!isMap(v) || typeof v['field'] !== 'string' || !test || Object.keys(v).length !== 2)
      throw new ScriptError(
        'expected a condition: { reply: TYPE } or { field: name, is | not | lt | gt: value }',
        path,
      );
    return {
      value: this.value(`@${v['field']}`, [...path, 'field']),
      test,
      than: this.value(v[test], [...path, test]),
    };
  }

  block(v: unknown, path: ScriptPath, depth: number): void {
    if (!Array.isArray(v)) throw new ScriptError('expected a list of steps', path);
    if (depth > SCRIPT_LIMITS.nesting + 1)
      throw new ScriptError(
        `nested too deeply: at most ${SCRIPT_LIMITS.nesting} levels of branches and loops`,
        path,
      );
    v.forEach((step, i) => this.step(step, [...path, i], depth));
  }

  bound(v: unknown, path: ScriptPath): Expr {
    const expr = this.value(v, path);
    if (
      expr[0] === 'lit' &&
      !(
        Number.isInteger(expr[1]) &&
        (expr[1] as number) >= 0 &&
        (expr[1] as number) <= SCRIPT_LIMITS.loop
      )
    )
      throw new ScriptError(`expected a bound from 0 to ${SCRIPT_LIMITS.loop}`, path);
    return expr;
  }

  step(step: unknown, path: ScriptPath, depth: number): void {
    if (++this.steps > SCRIPT_LIMITS.steps)
      throw new ScriptError(`too many steps: a script has at most ${SCRIPT_LIMITS.steps}`, path);
    if (step === 'end') return void this.code.push({ op: 'end' });
    const keys = isMap(step) ? Object.keys(step) : [];
    const name = keys.find((k) => (STEP_NAMES as string[]).includes(k)) as StepName | undefined;
    if (!isMap(step) || !name) {
      const given = keys.find((k) => k !== 'as') ?? (typeof step === 'string' ? step : undefined);
      throw new ScriptError(
        `${given === undefined ? 'expected a step' : `unknown step \`${given}\``}, expected one of ${STEP_NAMES.join('|')}`,
        path,
      );
    }
    const allowed = [name, ...(SIBLINGS[name] ?? []), ...(WAITING.has(name) ? ['as'] : [])];
    for (const key of keys) {
      if (!allowed.includes(key))
        throw new ScriptError(
          (STEP_NAMES as string[]).includes(key)
            ? `one step per list item: \`${name}\` and \`${key}\` are two steps`
            : `unknown key \`${key}\` in a ${name} step; expected ${allowed.join(', ')}`,
          [...path, key],
        );
    }
    const as = step['as'];
    if (as !== undefined && (typeof as !== 'string' || !FIELD.test(as)))
      throw new ScriptError('expected a label: letters and digits, starting with a letter', [
        ...path,
        'as',
      ]);
    const phase = (as as string | undefined) ?? name;
    const at = [...path, name];
    const arg = step[name];
    this.compileStep(name, arg, at, phase, step, path, depth);
  }

  compileStep(
    name: StepName,
    arg: unknown,
    at: ScriptPath,
    phase: string,
    step: Record<string, unknown>,
    path: ScriptPath,
    depth: number,
  ): void {
    const send = (to: Expr, type: string, payload: Expr, extra: Partial<Instr> = {}) =>
      this.code.push({ op: 'send', to, type, payload, wait: true, phase, ...extra } as Instr);
    const write = (type: string, a: Record<string, unknown>) => {
      const payload: Record<string, unknown> = {
        key: a['key'],
        value: a['value'],
        version: a['version'] ?? 0,
        ttl: a['ttl'] ?? null,
        ...('lease' in a ? { lease: a['lease'] } : {}),
      };
      send(this.actor(a['cache'], [...at, 'cache']), type, this.value(payload, at));
    };
    switch (name) {
      case 'get': {
        const a = this.args(arg, at, ['cache', 'key'], ['lease']);
        const payload = this.value({ key: a['key'], lease: a['lease'] ?? false }, at);
        return void send(this.actor(a['cache'], [...at, 'cache']), 'GET', payload);
      }
      case 'set':
        return void write(
          'SET',
          this.args(arg, at, ['cache', 'key', 'value'], ['version', 'ttl', 'lease']),
        );
      case 'add':
      case 'cas':
        return void write(
          name.toUpperCase(),
          this.args(arg, at, ['cache', 'key', 'value'], ['version', 'ttl']),
        );
      case 'del': {
        const a = this.args(arg, at, ['cache', 'key'], []);
        return void send(
          this.actor(a['cache'], [...at, 'cache']),
          'DEL',
          this.value({ key: a['key'] }, at),
        );
      }
      case 'select':
      case 'update': {
        const a = this.args(arg, at, ['db', 'key'], []);
        const type = name.toUpperCase();
        return void send(
          this.actor(a['db'], [...at, 'db']),
          type,
          this.value({ key: a['key'] }, at),
        );
      }
      case 'insert': {
        const a = this.args(arg, at, ['db', 'key', 'value'], []);
        const payload = this.value({ key: a['key'], value: a['value'] }, at);
        return void send(this.actor(a['db'], [...at, 'db']), 'INSERT', payload);
      }
      case 'call':
      case 'send': {
        const a = this.args(
          arg,
          at,
          ['to', 'message'],
          name === 'call' ? ['payload', 'sync'] : ['payload', 'reply'],
        );
        if (typeof a['message'] !== 'string' || !MESSAGE.test(a['message']))
          throw new ScriptError('expected a message type like FETCH_USER', [...at, 'message']);
        const flag = name === 'call' ? 'sync' : 'reply';
        if (a[flag] !== undefined && typeof a[flag] !== 'boolean')
          throw new ScriptError('expected true or false', [...at, flag]);
        const payload = a['payload'] === undefined ? {} : a['payload'];
        if (!isMap(payload)) throw new ScriptError('expected a map of values', [...at, 'payload']);
        return void send(
          this.actor(a['to'], [...at, 'to']),
          a['message'],
          this.value(payload, [...at, 'payload']),
          {
            wait: name === 'call',
            ...(a[flag] === true ? { [flag]: true } : {}),
          },
        );
      }
      case 'await': {
        const a = this.args(arg ?? {}, at, [], ['from', 'message']);
        const types =
          a['message'] === undefined
            ? null
            : Array.isArray(a['message'])
              ? a['message']
              : [a['message']];
        if (types && !types.every((t) => typeof t === 'string' && MESSAGE.test(t)))
          throw new ScriptError('expected a message type, or a list of them', [...at, 'message']);
        const from = a['from'] === undefined ? null : this.actor(a['from'], [...at, 'from']);
        return void this.code.push({ op: 'await', from, types: types as string[] | null, phase });
      }
      case 'sleep': {
        const a = isMap(arg) ? this.args(arg, at, ['ticks'], ['timer']) : { ticks: arg };
        const timer = a['timer'] ?? 'sleep';
        if (typeof timer !== 'string' || !/^[a-z][a-z0-9-]{0,39}$/.test(timer))
          throw new ScriptError('expected a timer name (lowercase letters, digits, dashes)', [
            ...at,
            'timer',
          ]);
        const ticks = this.value(a['ticks'], isMap(arg) ? [...at, 'ticks'] : at);
        if (
          ticks[0] === 'lit' &&
          !(Number.isInteger(ticks[1]) && (ticks[1] as number) >= 0 && (ticks[1] as number) <= 1000)
        )
          throw new ScriptError('expected ticks: an integer from 0 to 1000', at);
        return void this.code.push({ op: 'sleep', ticks, timer, phase });
      }
      case 'lock':
      case 'unlock': {
        const a = this.args(arg, at, ['shared', 'name'], []);
        const payload = this.value({ name: a['name'] }, at);
        return void send(this.actor(a['shared'], [...at, 'shared']), name.toUpperCase(), payload, {
          sync: true,
        });
      }
      case 'read': {
        const a = this.args(arg, at, ['shared', 'field'], ['into']);
        const into = (a['into'] ?? a['field']) as string;
        if (typeof a['field'] !== 'string' || !FIELD.test(a['field']))
          throw new ScriptError('expected a field name', [...at, 'field']);
        if (!this.fields.has(into))
          throw new ScriptError(`unknown field "${into}"; declare it as an option of the process`, [
            ...at,
            a['into'] === undefined ? 'field' : 'into',
          ]);
        send(
          this.actor(a['shared'], [...at, 'shared']),
          'READ',
          this.value({ field: a['field'] }, at),
          { sync: true },
        );
        return void this.code.push({ op: 'store', fields: { [into]: ['reply', 'value'] } });
      }
      case 'store': {
        if (!isMap(arg) || Object.keys(arg).length === 0)
          throw new ScriptError('expected { field: value, … }', at);
        const { shared, ...fields } = arg;
        for (const field of Object.keys(fields)) {
          if (!FIELD.test(field)) throw new ScriptError('expected a field name', [...at, field]);
          if (shared === undefined && !this.fields.has(field))
            throw new ScriptError(
              `unknown field "${field}"; expected one of: ${[...this.fields].join(', ')}`,
              [...at, field],
            );
        }
        if (shared !== undefined)
          return void send(
            this.actor(shared, [...at, 'shared']),
            'WRITE',
            this.value({ fields }, at),
            { sync: true },
          );
        const out: Record<string, Expr> = {};
        for (const [field, v] of Object.entries(fields)) out[field] = this.value(v, [...at, field]);
        return void this.code.push({ op: 'store', fields: out });
      }
      case 'raise': {
        if (typeof arg !== 'string' || !MESSAGE.test(arg))
          throw new ScriptError('expected an exception name like ExistingEntry', at);
        return void this.code.push({ op: 'raise', error: ['lit', arg] });
      }
      case 'end':
        return void this.code.push({ op: 'end' });
      case 'try': {
        const on = step['on'];
        const catches = on === undefined ? null : Array.isArray(on) ? on : [on];
        if (catches && !catches.every((c) => typeof c === 'string' && MESSAGE.test(c)))
          throw new ScriptError('expected exception names', [...path, 'on']);
        const enter =
          this.code.push({ op: 'try', handler: -1, catches: catches as string[] | null }) - 1;
        this.block(arg, at, depth + 1);
        this.code.push({ op: 'untry' });
        const skip = this.code.push({ op: 'jump', to: -1 }) - 1;
        this.patch(enter, { handler: this.code.length });
        if (step['catch'] !== undefined) this.block(step['catch'], [...path, 'catch'], depth + 1);
        return void this.patch(skip, { to: this.code.length });
      }
      case 'if': {
        const branch = this.code.push({ op: 'branch', cond: this.cond(arg, at), else: -1 }) - 1;
        if (step['then'] === undefined) throw new ScriptError('missing then: […]', path);
        this.block(step['then'], [...path, 'then'], depth + 1);
        const skip = this.code.push({ op: 'jump', to: -1 }) - 1;
        this.patch(branch, { else: this.code.length });
        if (step['else'] !== undefined) this.block(step['else'], [...path, 'else'], depth + 1);
        return void this.patch(skip, { to: this.code.length });
      }
      case 'match': {
        if (typeof arg !== 'string') throw new ScriptError('expected a field name to match on', at);
        const cases = step['cases'];
        if (!isMap(cases) || Object.keys(cases).length === 0)
          throw new ScriptError('expected cases: { value: [steps], … }', [...path, 'cases']);
        const ends: number[] = [];
        for (const [value, steps] of Object.entries(cases)) {
          const cond: Cond = { value: this.value(`@${arg}`, at), test: 'is', than: ['lit', value] };
          const branch = this.code.push({ op: 'branch', cond, else: -1 }) - 1;
          this.block(steps, [...path, 'cases', value], depth + 1);
          ends.push(this.code.push({ op: 'jump', to: -1 }) - 1);
          this.patch(branch, { else: this.code.length });
        }
        if (step['else'] !== undefined) this.block(step['else'], [...path, 'else'], depth + 1);
        for (const end of ends) this.patch(end, { to: this.code.length });
        return;
      }
      case 'repeat':
      case 'while': {
        if (name === 'while' && step['max'] === undefined)
          throw new ScriptError('a while loop needs max: n (its bound)', path);
        const slot = this.slots++;
        const times = this.bound(
          name === 'repeat' ? arg : step['max'],
          name === 'repeat' ? at : [...path, 'max'],
        );
        const cond = name === 'while' ? this.cond(arg, at) : undefined;
        this.code.push({ op: 'count', slot, times });
        const top = this.code.push({ op: 'loop', slot, exit: -1, ...(cond ? { cond } : {}) }) - 1;
        if (step['do'] === undefined) throw new ScriptError('missing do: […]', path);
        this.block(step['do'], [...path, 'do'], depth + 1);
        this.code.push({ op: 'jump', to: top });
        return void this.patch(top, { exit: this.code.length });
      }
    }
  }

  patch(at: number, fields: Record<string, number>): void {
    this.code[at] = { ...this.code[at], ...fields } as Instr;
  }
}

/**
 * Checks and compiles a process's options (its fields and `steps`) into the script process's
 * input, with the actors it names. Throws ScriptError with the path of the first problem. Pure.
 */
export function compileScript(options: Json): CompiledScript {
  if (!isMap(options)) throw new ScriptError('expected options: { steps: […], fields… }', []);
  const { steps, ...fields } = options as Record<string, Json>;
  const names = Object.keys(fields);
  if (names.length > SCRIPT_LIMITS.fields)
    throw new ScriptError(`at most ${SCRIPT_LIMITS.fields} fields`, []);
  for (const name of names) {
    if (!FIELD.test(name))
      throw new ScriptError('expected a field name: letters, digits, _', [name]);
    if (RESERVED_FIELDS.includes(name))
      throw new ScriptError(`"${name}" is the interpreter's own; choose another field name`, [
        name,
      ]);
  }
  if (steps === undefined) throw new ScriptError('missing steps: […]', []);
  // Fields a script stores are fields of the process too (null until stored).
  const stored = new Set<string>(names);
  const collect = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(collect);
    else if (isMap(v)) {
      if (isMap(v['store']) && v['store']['shared'] === undefined)
        for (const k of Object.keys(v['store'])) if (FIELD.test(k)) stored.add(k);
      Object.values(v).forEach(collect);
    }
  };
  collect(steps);
  for (const name of RESERVED_FIELDS) stored.delete(name);
  const compiler = new Compiler(stored);
  compiler.block(steps, ['steps'], 1);
  const all: { [name: string]: Json } = {};
  for (const name of [...stored].sort()) all[name] = fields[name] ?? null;
  return {
    input: { program: { code: compiler.code, slots: compiler.slots }, fields: all },
    targets: compiler.targets,
  };
}
