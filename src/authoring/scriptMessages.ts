/**
 * Compiling the steps of a script that talk to other actors (caches, databases, shared objects,
 * any actor by message) and wait: each becomes a send, waiting for its reply. Pure.
 */
import type { Expr, Instr } from '../actors/script';
import type { Compiler } from './scriptCompiler';
import { isMap, MESSAGE, FIELD, ScriptError, type ScriptPath, type StepName } from './scriptSteps';

/** Compiles message step `name`; returns false when `name` is not one. */
export function compileMessageStep(
  c: Compiler,
  name: StepName,
  arg: unknown,
  at: ScriptPath,
  phase: string,
): false | void {
  const send = (to: Expr, type: string, payload: Expr, extra: Partial<Instr> = {}) =>
    c.code.push({ op: 'send', to, type, payload, wait: true, phase, ...extra } as Instr);
  const write = (type: string, a: Record<string, unknown>) => {
    const payload: Record<string, unknown> = {
      key: a['key'],
      value: a['value'],
      version: a['version'] ?? 0,
      ttl: a['ttl'] ?? null,
      ...('lease' in a ? { lease: a['lease'] } : {}),
    };
    send(c.actor(a['cache'], [...at, 'cache']), type, c.value(payload, at));
  };
  switch (name) {
    case 'get': {
      const a = c.args(arg, at, ['cache', 'key'], ['lease']);
      const payload = c.value({ key: a['key'], lease: a['lease'] ?? false }, at);
      return void send(c.actor(a['cache'], [...at, 'cache']), 'GET', payload);
    }
    case 'set':
      return void write(
        'SET',
        c.args(arg, at, ['cache', 'key', 'value'], ['version', 'ttl', 'lease']),
      );
    case 'add':
    case 'cas':
      return void write(
        name.toUpperCase(),
        c.args(arg, at, ['cache', 'key', 'value'], ['version', 'ttl']),
      );
    case 'del': {
      const a = c.args(arg, at, ['cache', 'key'], []);
      return void send(
        c.actor(a['cache'], [...at, 'cache']),
        'DEL',
        c.value({ key: a['key'] }, at),
      );
    }
    case 'select':
    case 'update': {
      const a = c.args(arg, at, ['db', 'key'], []);
      const type = name.toUpperCase();
      return void send(c.actor(a['db'], [...at, 'db']), type, c.value({ key: a['key'] }, at));
    }
    case 'insert': {
      const a = c.args(arg, at, ['db', 'key', 'value'], []);
      const payload = c.value({ key: a['key'], value: a['value'] }, at);
      return void send(c.actor(a['db'], [...at, 'db']), 'INSERT', payload);
    }
    case 'call':
    case 'send': {
      const a = c.args(
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
        c.actor(a['to'], [...at, 'to']),
        a['message'],
        c.value(payload, [...at, 'payload']),
        {
          wait: name === 'call',
          ...(a[flag] === true ? { [flag]: true } : {}),
        },
      );
    }
    case 'await': {
      const a = c.args(arg ?? {}, at, [], ['from', 'message']);
      const types =
        a['message'] === undefined
          ? null
          : Array.isArray(a['message'])
            ? a['message']
            : [a['message']];
      if (types && !types.every((t) => typeof t === 'string' && MESSAGE.test(t)))
        throw new ScriptError('expected a message type, or a list of them', [...at, 'message']);
      const from = a['from'] === undefined ? null : c.actor(a['from'], [...at, 'from']);
      return void c.code.push({ op: 'await', from, types: types as string[] | null, phase });
    }
    case 'sleep': {
      const a = isMap(arg) ? c.args(arg, at, ['ticks'], ['timer']) : { ticks: arg };
      const timer = a['timer'] ?? 'sleep';
      if (typeof timer !== 'string' || !/^[a-z][a-z0-9-]{0,39}$/.test(timer))
        throw new ScriptError('expected a timer name (lowercase letters, digits, dashes)', [
          ...at,
          'timer',
        ]);
      const ticks = c.value(a['ticks'], isMap(arg) ? [...at, 'ticks'] : at);
      if (
        ticks[0] === 'lit' &&
        !(Number.isInteger(ticks[1]) && (ticks[1] as number) >= 0 && (ticks[1] as number) <= 1000)
      )
        throw new ScriptError('expected ticks: an integer from 0 to 1000', at);
      return void c.code.push({ op: 'sleep', ticks, timer, phase });
    }
    case 'lock':
    case 'unlock': {
      const a = c.args(arg, at, ['shared', 'name'], []);
      const payload = c.value({ name: a['name'] }, at);
      return void send(c.actor(a['shared'], [...at, 'shared']), name.toUpperCase(), payload, {
        sync: true,
      });
    }
    case 'read': {
      const a = c.args(arg, at, ['shared', 'field'], ['into']);
      const into = (a['into'] ?? a['field']) as string;
      if (typeof a['field'] !== 'string' || !FIELD.test(a['field']))
        throw new ScriptError('expected a field name', [...at, 'field']);
      if (!c.fields.has(into))
        throw new ScriptError(`unknown field "${into}"; declare it as an option of the process`, [
          ...at,
          a['into'] === undefined ? 'field' : 'into',
        ]);
      send(c.actor(a['shared'], [...at, 'shared']), 'READ', c.value({ field: a['field'] }, at), {
        sync: true,
      });
      return void c.code.push({ op: 'store', fields: { [into]: ['reply', 'value'] } });
    }
    case 'store': {
      if (!isMap(arg) || Object.keys(arg).length === 0)
        throw new ScriptError('expected { field: value, … }', at);
      const { shared, ...fields } = arg;
      for (const field of Object.keys(fields)) {
        if (!FIELD.test(field)) throw new ScriptError('expected a field name', [...at, field]);
        if (shared === undefined && !c.fields.has(field))
          throw new ScriptError(
            `unknown field "${field}"; expected one of: ${[...c.fields].join(', ')}`,
            [...at, field],
          );
      }
      if (shared !== undefined)
        return void send(c.actor(shared, [...at, 'shared']), 'WRITE', c.value({ fields }, at), {
          sync: true,
        });
      const out: Record<string, Expr> = {};
      for (const [field, v] of Object.entries(fields)) out[field] = c.value(v, [...at, field]);
      return void c.code.push({ op: 'store', fields: out });
    }
    case 'raise': {
      if (typeof arg !== 'string' || !MESSAGE.test(arg))
        throw new ScriptError('expected an exception name like ExistingEntry', at);
      return void c.code.push({ op: 'raise', error: ['lit', arg] });
    }
    case 'end':
      return void c.code.push({ op: 'end' });
    default:
      return false;
  }
}
