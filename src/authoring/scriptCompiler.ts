/**
 * The script compiler: turns a script of steps into the flat program of the script process,
 * checking every step and naming, on a problem, its path and what was expected. Branches and
 * loops become jumps; loops count down a bounded counter. Pure.
 */
import type { Cond, Expr, Instr } from '../actors/script';
import type { Json } from '../engine/types';
import { compileMessageStep } from './scriptMessages';
import {
  isMap,
  FIELD,
  MESSAGE,
  SCRIPT_LIMITS,
  ScriptError,
  SIBLINGS,
  STEP_NAMES,
  WAITING,
  type ScriptPath,
  type StepName,
  type Target,
} from './scriptSteps';

export class Compiler {
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
      throw new ScriptError('expected an actor id, or @reply.from', path);
    if (v.startsWith('@') && v !== '@reply.from')
      throw new ScriptError(
        'expected an actor id, or @reply.from (the sender of the last message)',
        path,
      );
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
    if (compileMessageStep(this, name, arg, at, phase) !== false) return;
    switch (name) {
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
