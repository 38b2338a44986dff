/**
 * Scripts of steps for the `process` actor kind: compiling a process's options (its fields and
 * `steps`) into the script process's input. Re-exports the step names, caps and error type.
 * Pure; a script is data, never code.
 */
import type { Json } from '../engine/types';
import { RESERVED_FIELDS } from '../actors/script';
import { Compiler } from './scriptCompiler';
import { FIELD, isMap, SCRIPT_LIMITS, ScriptError, type CompiledScript } from './scriptSteps';

export {
  SIBLINGS as STEP_KEYS,
  SCRIPT_LIMITS,
  STEP_DOCS,
  STEP_NAMES,
  ScriptError,
  type CompiledScript,
  type ScriptPath,
  type StepName,
  type Target,
} from './scriptSteps';

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
