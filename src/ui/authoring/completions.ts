/**
 * Completion for the model editor, from the format's own schema: at a key, the keys allowed
 * there (top level, an actor, a fault, an invariant with its parameters, a fix, an actor's
 * options by its kind…); at a value, what it may be (actor kinds, invariant ids, roles, enum
 * values, the ids of declared actors, faults and invariants; in a process's script, the step
 * names and the keys a step may carry). Works on the text alone (by
 * indentation and flow braces), so a half-typed model still completes. Pure.
 */
import type { z } from '../../authoring/zod';
import { ACTOR_KINDS } from '../../authoring/actors';
import { INVARIANT_KINDS } from '../../authoring/invariants';
import { modelSchema } from '../../authoring/schema';
import { STEP_DOCS, STEP_KEYS, STEP_NAMES } from '../../authoring/script';
import { WAITING } from '../../authoring/scriptSteps';

export interface CompletionItem {
  readonly label: string;
  readonly type: 'property' | 'keyword' | 'variable' | 'enum';
  readonly detail?: string;
}

export interface Completions {
  /** Offset where the word being completed starts. */
  readonly from: number;
  readonly options: readonly CompletionItem[];
}

interface Def {
  type: string;
  shape?: Record<string, z.ZodMiniType>;
  innerType?: z.ZodMiniType;
  element?: z.ZodMiniType;
  valueType?: z.ZodMiniType;
  options?: z.ZodMiniType[];
  in?: z.ZodMiniType;
  getter?: () => z.ZodMiniType;
  entries?: Record<string, string | number>;
  values?: unknown[];
}

const defOf = (schema: z.ZodMiniType): Def =>
  (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The schemas a value may match once wrappers (optional, arrays, unions…) are looked through. */
function unwrap(schema: z.ZodMiniType, depth = 0): z.ZodMiniType[] {
  if (depth > 12) return [];
  const def = defOf(schema);
  const inner = def.innerType ?? def.element ?? def.in ?? (def.getter ? def.getter() : undefined);
  if (inner && def.type !== 'record') return unwrap(inner, depth + 1);
  if (def.type === 'union') return (def.options ?? []).flatMap((o) => unwrap(o, depth + 1));
  return [schema];
}

/** The schemas reached from `schema` by the key `key`. */
function child(schemas: readonly z.ZodMiniType[], key: string): z.ZodMiniType[] {
  return schemas.flatMap((schema) => {
    const def = defOf(schema);
    if (def.type === 'object') {
      const next = def.shape?.[key];
      return next ? unwrap(next) : [];
    }
    if (def.type === 'record' && def.valueType) return unwrap(def.valueType);
    return [];
  });
}

const keysOf = (schemas: readonly z.ZodMiniType[]): string[] => [
  ...new Set(schemas.flatMap((s) => Object.keys(defOf(s).shape ?? {}))),
];

const valuesOf = (schemas: readonly z.ZodMiniType[]): string[] => [
  ...new Set(
    schemas.flatMap((s) => {
      const def = defOf(s);
      if (def.type === 'enum') return Object.values(def.entries ?? {}).map(String);
      if (def.type === 'literal') return (def.values ?? []).map(String);
      if (def.type === 'boolean') return ['true', 'false'];
      return [];
    }),
  ),
];

/** Where the cursor is: the keys above it, the key whose value it is in, and the word typed. */
export interface Context {
  /** Keys from the top level down to the map the cursor is in (list items are skipped). */
  readonly path: readonly string[];
  /** Set when the cursor is in a value: the key it belongs to. */
  readonly valueOf: string | null;
  readonly word: string;
  readonly from: number;
  /** The `key: value` pairs of the list item the cursor is in (e.g. its `kind`, `use`). */
  readonly item: Readonly<Record<string, string>>;
  /** The first key of that list item (a script step's name), or null. */
  readonly itemHead: string | null;
}

const indentOf = (line: string) => line.length - line.trimStart().length;

/** Returns the scalar `key: value` pairs written in `lines` (block or flow style). */
function pairsIn(lines: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of lines) {
    for (const m of line.matchAll(/(?:^|[{,\s-])([A-Za-z$][\w$-]*):\s+([\w$'/-][^,}#]*)/g)) {
      const key = m[1] as string;
      out[key] ??= (m[2] as string).trim().replace(/^'(.*)'$/, '$1');
    }
  }
  return out;
}

/** Returns the editing context at `pos` in `text`. Pure. */
export function contextAt(text: string, pos: number): Context {
  const before = text.slice(0, pos);
  const lineStart = before.lastIndexOf('\n') + 1;
  const line = before.slice(lineStart);
  const word = /[\w$-]*$/.exec(line)?.[0] ?? '';
  const from = pos - word.length;
  const head = line.slice(0, line.length - word.length);
  // Inside flow braces on this line: the keys of the brace are the enclosing map's.
  const braceAt = head.lastIndexOf('{');
  const inFlow = braceAt >= 0 && head.indexOf('}', braceAt) < 0;
  const valueMatch = /([A-Za-z$][\w$-]*):\s*(\[\s*(?:[\w$-]+\s*,\s*)*)?$/.exec(head);
  const valueOf = valueMatch && !/^\s*-?\s*$/.test(head) ? (valueMatch[1] as string) : null;
  // The keys above the cursor, by indentation; flow maps open keys on the line itself.
  const lines = before.split('\n');
  const current = lines[lines.length - 1] ?? '';
  let indent = indentOf(current.replace(/^(\s*)-\s/, '$1  '));
  const path: string[] = [];
  if (inFlow) {
    const opener = /([A-Za-z$][\w$-]*):\s*\{[^{}]*$/.exec(head.slice(0, braceAt + 1));
    if (opener) path.unshift(opener[1] as string);
    indent = indentOf(current) + (/^\s*-\s/.test(current) ? 0 : 1);
  }
  let itemStart = -1;
  const inItem = /^\s*-\s/.test(current);
  if (inItem) itemStart = lines.length - 1;
  for (let i = lines.length - 2; i >= 0; i--) {
    const l = lines[i] as string;
    if (l.trim() === '' || l.trimStart().startsWith('#')) continue;
    const dash = /^(\s*)-\s/.exec(l);
    const own = dash ? (dash[1] as string).length : indentOf(l);
    if (dash && own < indent && itemStart < 0 && path.length === 0) itemStart = i;
    if (own >= indent) continue;
    const key = /^\s*(?:-\s+)?([A-Za-z$][\w$-]*):\s*(?:#.*)?$/.exec(l);
    if (key) path.unshift(key[1] as string);
    else if (dash && itemStart < 0) itemStart = i;
    indent = own;
    if (own === 0) break;
  }
  let item: Record<string, string> = {};
  let itemHead: string | null = null;
  if (itemStart >= 0) {
    const all = text.split('\n');
    const first = all[itemStart] as string;
    itemHead = /^\s*-\s*\{?\s*([A-Za-z$][\w$-]*):/.exec(first)?.[1] ?? null;
    const base = indentOf(first.replace(/^(\s*)-\s/, '$1  '));
    const body = [first];
    for (let i = itemStart + 1; i < all.length; i++) {
      const l = all[i] as string;
      if (l.trim() !== '' && indentOf(l) < base) break;
      if (l.trim() !== '' && /^\s*-\s/.test(l) && indentOf(l) < base) break;
      if (/^\s*-\s/.test(l) && indentOf(l) === base - 2) break;
      body.push(l);
    }
    item = pairsIn(body);
  }
  return { path, valueOf, word, from, item, itemHead };
}

/** Returns the ids declared in `section` (e.g. every actor's id). */
function declared(text: string, section: 'actors' | 'faults' | 'invariants'): string[] {
  const out: string[] = [];
  let inside = false;
  for (const line of text.split('\n')) {
    if (/^[A-Za-z]/.test(line)) inside = line.startsWith(`${section}:`);
    if (!inside) continue;
    const key = section === 'invariants' ? 'use' : 'id';
    const m = new RegExp(`^\\s*-\\s*(?:\\{\\s*)?${key}:\\s*([\\w-]+)`).exec(line);
    if (m) out.push(m[1] as string);
  }
  return [...new Set(out)];
}

const kindOfActor = (text: string, id: string): string | null => {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (!new RegExp(`^\\s*-\\s*(?:\\{\\s*)?id:\\s*${id}\\b`).test(line)) continue;
    const item = pairsIn([line, ...lines.slice(i + 1, i + 8).filter((l) => !/^\s*-\s/.test(l))]);
    return item.kind ?? null;
  }
  return null;
};

const items = (
  labels: readonly string[],
  type: CompletionItem['type'],
  detail?: (l: string) => string,
) => labels.map((label) => ({ label, type, ...(detail ? { detail: detail(label) } : {}) }));

/**
 * The kind of the actor whose options the cursor is deep inside (in a map or list of an option):
 * read from that actor's item, the lines from its dash down to its `options:`.
 */
function kindAbove(text: string, pos: number): string | null {
  const lines = text.slice(0, pos).split('\n');
  let optionsAt = lines.length - 1;
  while (optionsAt >= 0 && !/^\s*options:/.test(lines[optionsAt] as string)) optionsAt--;
  if (optionsAt < 0) return null;
  const indent = indentOf(lines[optionsAt] as string);
  let start = optionsAt;
  while (
    start > 0 &&
    !(/^\s*-\s/.test(lines[start] as string) && indentOf(lines[start] as string) < indent)
  )
    start--;
  return pairsIn(lines.slice(start, optionsAt)).kind ?? null;
}

/** The schemas reached from an actor kind's options down `path` (an option's own maps). */
function optionSchemas(kind: string | null, path: readonly string[]): z.ZodMiniType[] {
  const options = ACTOR_KINDS[kind ?? '']?.options;
  let schemas = options ? unwrap(options) : [];
  for (const key of path) schemas = child(schemas, key);
  return schemas;
}

/** The schemas of the map at `path`, with the options and parameters the library knows. */
function schemasAt(text: string, context: Context): z.ZodMiniType[] {
  const [section, second, third] = context.path;
  if (section === 'actors' && second === 'options') {
    const deep = context.path.length > 2;
    const kind = deep ? kindAbove(text, context.from) : (context.item.kind ?? null);
    return optionSchemas(kind, context.path.slice(2));
  }
  if (section === 'fixes' && (second === 'options' || second === 'invariants') && third) {
    if (second === 'invariants') return unwrap(INVARIANT_KINDS[third]?.params ?? modelSchema);
    return optionSchemas(kindOfActor(text, third), context.path.slice(3));
  }
  let schemas = unwrap(modelSchema);
  for (const key of context.path) schemas = child(schemas, key);
  if (section === 'invariants' && context.path.length === 1) {
    const params = INVARIANT_KINDS[context.item.use ?? '']?.params;
    if (params) schemas = [...schemas, ...unwrap(params)];
  }
  return schemas;
}

/** Keys whose value is a list of script steps. */
const STEP_LISTS = new Set(['steps', 'then', 'else', 'do', 'catch']);

/**
 * In a process's script, at a key: the step names for a new step, or the keys the step being
 * written may carry beside its name (`as:` on a step that waits). Null outside a script.
 */
function scriptKeys(context: Context): CompletionItem[] | null {
  const { path } = context;
  const last = path[path.length - 1] ?? '';
  const inScript = path.includes('steps') && (STEP_LISTS.has(last) || path.at(-2) === 'cases');
  if (!inScript) return null;
  const step = STEP_NAMES.find((name) => name === context.itemHead);
  if (!step) return items(STEP_NAMES, 'keyword', (n) => STEP_DOCS[n as keyof typeof STEP_DOCS]);
  const siblings = [...(STEP_KEYS[step] ?? [])];
  if (WAITING.has(step)) siblings.push('as');
  return items(siblings, 'property');
}

/** Returns what may be typed at `pos` in the model `text`, or null when nothing fits. Pure. */
export function completionsAt(text: string, pos: number): Completions | null {
  const context = contextAt(text, pos);
  const [section, second] = context.path;
  const actors = () => items(declared(text, 'actors'), 'variable', () => 'actor');
  let options: CompletionItem[] = [];
  const script = context.valueOf === null ? scriptKeys(context) : null;
  if (script) {
    options = script;
  } else if (context.valueOf === null) {
    if (section === 'fixes' && context.path.length === 2) {
      if (second === 'options' || second === 'enabled') options = actors();
      else if (second === 'faults')
        options = items(declared(text, 'faults'), 'variable', () => 'fault');
      else if (second === 'invariants' || second === 'defuses')
        options = items(declared(text, 'invariants'), 'variable', () => 'invariant');
    } else {
      options = items(keysOf(schemasAt(text, context)), 'property');
    }
  } else {
    const key = context.valueOf;
    const here = schemasAt(text, context);
    if (section === 'actors' && context.path.length === 1 && key === 'kind')
      options = items(Object.keys(ACTOR_KINDS), 'keyword', (k) => ACTOR_KINDS[k]?.doc ?? '');
    else if (section === 'invariants' && context.path.length === 1 && key === 'use')
      options = items(
        Object.keys(INVARIANT_KINDS),
        'keyword',
        (k) => INVARIANT_KINDS[k]?.doc ?? '',
      );
    else {
      options = items(valuesOf(child(here, key)), 'enum');
      const refs =
        (section === 'actors' &&
          second === 'options' &&
          ACTOR_KINDS[context.item.kind ?? '']?.refs.includes(key)) ||
        (section === 'invariants' && context.path.length === 1 && !['use', 'role'].includes(key)) ||
        (section === 'faults' && ['actor', 'from', 'to'].includes(key));
      if (refs) options = [...options, ...actors()];
      if (section === 'faults' && key === 'kind' && options.length === 0)
        options = items(['drop', 'inject'], 'enum');
    }
  }
  const word = context.word.toLowerCase();
  const fitting = options.filter((o) => o.label.toLowerCase().startsWith(word));
  return fitting.length > 0 ? { from: context.from, options: fitting } : null;
}
