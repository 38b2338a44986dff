/**
 * Compiling a validated authored model into a `ScenarioDef`: its `build` turns one
 * configuration (fix, granularity, params) into the engine `Model`, as the built-ins do. Pure;
 * nothing in the model is executed, only looked up.
 */
import type { ActorSpec, FaultSpec, Json, Model } from '../engine/types';
import { cachePhrases } from '../scenarios/phrases';
import { duplicateInsertPhrases } from '../scenarios/duplicateInsertPhrases';
import { describeProxyStep, querypilotPhrases } from '../scenarios/querypilotPhrases';
import { range } from '../scenarios/range';
import { sharedStatePhrases } from '../scenarios/sharedStatePhrases';
import type { Phrase, ScenarioConfig, ScenarioDef, SweepAxis } from '../scenarios/types';
import { ACTOR_KINDS, MAX_NUMBER } from './actors';
import { ScriptError, type CompiledScript, type Target } from './script';
import { INVARIANT_KINDS, type Actors } from './invariants';
import { LIMITS, type FaultDoc, type FixDoc, type ModelDoc } from './schema';
import { fill, resolve, type Params } from './values';

/** A build error, with the path in the document it concerns. */
export class BuildError extends Error {
  constructor(
    message: string,
    readonly path: readonly (string | number)[],
  ) {
    super(message);
  }
}

const NARRATIVES: Readonly<
  Record<string, { phrases: Readonly<Record<string, Phrase>>; describe?: ScenarioDef['describe'] }>
> = {
  cache: { phrases: cachePhrases },
  'duplicate-insert': { phrases: duplicateInsertPhrases },
  querypilot: { phrases: querypilotPhrases, describe: describeProxyStep },
  'shared-state': { phrases: sharedStatePhrases },
};

function integer(value: Json, path: readonly (string | number)[], what: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value))
    throw new BuildError(`${what} must be an integer, got ${JSON.stringify(value)}`, path);
  return value;
}

function flag(value: Json, path: readonly (string | number)[]): boolean {
  if (typeof value !== 'boolean')
    throw new BuildError(`expected true or false, got ${JSON.stringify(value)}`, path);
  return value;
}

/** Checks resolved options against the kind's schema; `at` gives the path of a top-level key. */
function checkOptions(
  kindName: string,
  input: Json,
  at: (key: string | undefined) => (string | number)[],
): void {
  const kind = ACTOR_KINDS[kindName]!;
  if (kind.options === null) {
    if (input !== null) throw new BuildError(`kind ${kindName} takes no options`, at(undefined));
    return;
  }
  const result = kind.options.safeParse(input ?? {});
  const issue = result.error?.issues[0];
  if (!issue) return;
  const [key, ...rest] = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  const where = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]] : issue.path;
  const path = key === undefined ? at(undefined) : [...at(String(key)), ...rest];
  throw new BuildError(
    `${kindName} option ${where.join('.') || '(options)'}: ${issue.message}`,
    path,
  );
}

/** Prepares a kind's input from its options (a script: compiled), each problem at its path. */
function prepared(
  kindName: string,
  input: Json,
  at: (key: string | undefined) => (string | number)[],
): CompiledScript {
  try {
    return ACTOR_KINDS[kindName]!.prepare!(input ?? {});
  } catch (error) {
    if (!(error instanceof ScriptError)) throw error;
    const [key, ...rest] = error.path;
    const where = error.path.join('.') || '(options)';
    throw new BuildError(`${kindName} option ${where}: ${error.message}`, [
      ...at(key === undefined ? undefined : String(key)),
      ...rest,
    ]);
  }
}

/** The actors of one configuration, and each declared id's instances. */
function buildActors(doc: ModelDoc, fix: FixDoc, fixIndex: number, params: Params) {
  const actors: ActorSpec[] = [];
  const groups = new Map<string, string[]>();
  const targets = new Map<
    number,
    { targets: readonly Target[]; at: (key: string | undefined) => (string | number)[] }
  >();
  doc.actors.forEach((actor, i) => {
    const enabledPath = fix.enabled?.[actor.id] !== undefined;
    const on = resolve(fix.enabled?.[actor.id] ?? actor.enabled ?? true, params);
    if (
      !flag(on, enabledPath ? ['fixes', fixIndex, 'enabled', actor.id] : ['actors', i, 'enabled'])
    )
      return;
    const count = integer(resolve(actor.count ?? 1, params), ['actors', i, 'count'], 'count');
    if (count < 1 || count > LIMITS.instances)
      throw new BuildError(`count must be from 1 to ${LIMITS.instances}, got ${count}`, [
        'actors',
        i,
        'count',
      ]);
    const kind = ACTOR_KINDS[actor.kind]!;
    const merged =
      actor.options === undefined && fix.options?.[actor.id] === undefined
        ? null
        : { ...actor.options, ...fix.options?.[actor.id] };
    const input = merged === null ? null : resolve(merged, params);
    const at = (key: string | undefined) =>
      key !== undefined && fix.options?.[actor.id]?.[key] !== undefined
        ? ['fixes', fixIndex, 'options', actor.id, key]
        : ['actors', i, 'options', ...(key === undefined ? [] : [key])];
    let machineInput = input;
    if (kind.prepare) {
      const script = prepared(actor.kind, input, at);
      machineInput = script.input as unknown as Json;
      targets.set(i, { targets: script.targets, at });
    } else checkOptions(actor.kind, input, at);
    const numbered = count > 1 || actor.numbering === 'always';
    const ids: string[] = [];
    for (let n = 1; n <= count; n++) {
      const id = numbered ? `${actor.id}${n}` : actor.id;
      ids.push(id);
      actors.push({
        id,
        label: numbered ? `${actor.label} ${n}` : actor.label,
        role: actor.role ?? kind.role,
        machine: kind.machine,
        // Each instance gets its own copy, as the built-ins do.
        input: machineInput === null ? null : structuredClone(machineInput),
      });
    }
    groups.set(actor.id, ids);
  });
  if (actors.length > LIMITS.instances)
    throw new BuildError(`at most ${LIMITS.instances} actors in one configuration`, ['actors']);
  const known = new Set<string>();
  for (const spec of actors) {
    if (known.has(spec.id)) {
      const i = doc.actors.findIndex((a) => groups.get(a.id)?.includes(spec.id));
      throw new BuildError(`two actors would be called "${spec.id}"`, ['actors', i, 'id']);
    }
    known.add(spec.id);
  }
  doc.actors.forEach((actor, i) => {
    // The actors a script names, wherever in its steps.
    const script = targets.get(i);
    for (const target of script?.targets ?? []) {
      if (known.has(target.id)) continue;
      const [key, ...rest] = target.path;
      throw new BuildError(
        `names no actor of this configuration: "${target.id}"; expected one of: ${[...known].join(', ')}`,
        [...script!.at(String(key)), ...rest],
      );
    }
    for (const ref of ACTOR_KINDS[actor.kind]!.refs) {
      for (const spec of actors.filter((a) => groups.get(actor.id)?.includes(a.id))) {
        const target = (spec.input as Record<string, Json> | null)?.[ref];
        if (target === undefined || target === null || known.has(String(target))) continue;
        throw new BuildError(
          `option ${ref} names no actor of this configuration: "${String(target)}"`,
          ['actors', i, 'options', ref],
        );
      }
    }
  });
  const one = (ref: string): string => {
    const group = groups.get(ref);
    if (group?.[0] !== undefined) return group[0];
    if (known.has(ref)) return ref;
    throw new Error(`no actor "${ref}" in this configuration`);
  };
  const many = (refs: readonly string[]): string[] =>
    refs.flatMap((ref) => groups.get(ref) ?? [one(ref)]);
  return { actors, groups, resolver: { one, many } satisfies Actors };
}

function buildFault(
  fault: FaultDoc,
  fix: FixDoc,
  params: Params,
  actors: readonly ActorSpec[],
  resolver: Actors,
): FaultSpec | null {
  const override = fix.faults?.[fault.id] ?? {};
  const defined = Object.entries(override).filter(([, v]) => v !== undefined);
  const merged = { ...fault, ...(Object.fromEntries(defined) as Partial<FaultDoc>) } as FaultDoc;
  if (!flag(resolve(merged.enabled ?? true, params), [])) return null;
  const vars: Record<string, string | number> = { ...params };
  const ticks = (value: unknown, low: number): number | undefined => {
    if (value === undefined) return undefined;
    const n = integer(resolve(value, params), [], 'duration');
    if (n < low || n > MAX_NUMBER)
      throw new Error(`duration must be from ${low} to ${MAX_NUMBER}, got ${n}`);
    return n;
  };
  if (merged.kind === 'drop' || merged.kind === 'delay') {
    const from = resolver.one(merged.from);
    const to = resolver.one(merged.to);
    const common = {
      id: merged.id,
      channel: `${from}->${to}${merged.lane ? `:${merged.lane}` : ''}`,
      messageType: merged.message,
      max: merged.max,
      label: fill(merged.label, vars),
    };
    if (merged.kind === 'drop') return { kind: 'drop', ...common };
    return { kind: 'delay', ...common, duration: ticks(merged.duration, 1) ?? 1 };
  }
  const actor = resolver.one(merged.actor);
  vars['actor'] = actors.find((a) => a.id === actor)?.label ?? actor;
  const whenIn = merged.whenIn ? { whenIn: merged.whenIn } : {};
  const label = fill(merged.label, vars);
  if (merged.kind === 'crash')
    return { kind: 'crash', id: merged.id, actor, max: merged.max, ...whenIn, label };
  // A stall is the engine's timed pause: time passes, and no machine reacts to PAUSE.
  const event = merged.kind === 'stall' ? 'PAUSE' : merged.event;
  const duration = ticks(merged.duration, merged.kind === 'stall' ? 1 : 0);
  return {
    kind: 'inject',
    id: merged.id,
    actor,
    event,
    max: merged.max,
    ...whenIn,
    ...(duration === undefined ? {} : { duration }),
    label,
  };
}

/** Builds the engine model of one configuration. Throws BuildError (with a path) or Error. */
export function buildModel(doc: ModelDoc, config: ScenarioConfig): Model {
  const fixIndex = doc.fixes.findIndex((f) => f.id === config.fix);
  const fix = doc.fixes[fixIndex];
  if (!fix) throw new Error(`unknown fix "${config.fix}"`);
  const params: Params = Object.fromEntries(
    (doc.params ?? []).map((p) => [p.id, config.params[p.id] ?? p.default]),
  );
  const { actors, resolver } = buildActors(doc, fix, fixIndex, params);
  const faults: FaultSpec[] = [];
  (doc.faults ?? []).forEach((fault, i) => {
    try {
      const spec = buildFault(fault, fix, params, actors, resolver);
      if (spec) faults.push(spec);
    } catch (error) {
      throw new BuildError((error as Error).message, ['faults', i]);
    }
  });
  // Actors an invariant names one by one are not interchangeable with their look-alikes.
  const singled = new Set<string>();
  const watched: Actors = {
    one: (id) => {
      const actor = resolver.one(id);
      singled.add(actor);
      return actor;
    },
    many: (ids) =>
      ids.flatMap((ref) => {
        const named = resolver.many([ref]);
        if (named.length === 1) named.forEach((a) => singled.add(a));
        return named;
      }),
  };
  const invariants = doc.invariants.map((inv, i) => {
    const { use, role: _role, ...own } = inv;
    const merged = resolve({ ...own, ...fix.invariants?.[use] }, params) as Record<string, unknown>;
    try {
      return INVARIANT_KINDS[use]!.make(merged, watched);
    } catch (error) {
      throw new BuildError((error as Error).message, ['invariants', i]);
    }
  });
  const distinguished = actors.map((a) => a.id).filter((id) => singled.has(id));
  return {
    actors,
    faults,
    invariants,
    granularity: config.granularity,
    ...(distinguished.length > 0 ? { distinguished } : {}),
  };
}

function sweepAxis(axis: NonNullable<ModelDoc['sweep']>[number]): SweepAxis {
  const values = axis.values;
  return {
    param: axis.param,
    ...(axis.actors ? { actors: true } : {}),
    values: Array.isArray(values)
      ? () => values
      : (p) => {
          const from = resolve(values.from, p);
          const to = resolve(values.to, p);
          if (!Number.isInteger(from) || !Number.isInteger(to)) return [];
          // Values outside the parameter's bounds are dropped by the judge; this bounds the list.
          return range(Math.max(Number(from), 0), Math.min(Number(to), MAX_NUMBER));
        },
  };
}

/** Returns the scenario an authored model describes. Pure. */
export function compile(doc: ModelDoc): ScenarioDef {
  const narrative = NARRATIVES[doc.narrative ?? 'cache'] ?? NARRATIVES['cache']!;
  return {
    id: doc.id,
    title: doc.title,
    story: doc.story ?? '',
    tags: doc.tags ?? [],
    source: doc.source ?? '',
    fixes: doc.fixes.map((f) => ({
      id: f.id,
      label: f.label,
      summary: f.summary,
      ...(f.defuses ? { defuses: f.defuses } : {}),
    })),
    params: (doc.params ?? []).map((p) => ({
      id: p.id,
      label: p.label,
      defaultValue: p.default,
      min: p.min,
      max: p.max,
    })),
    harm: doc.invariants.filter((i) => i.role === 'harm').map((i) => i.use),
    sweep: (doc.sweep ?? []).map(sweepAxis),
    build: (config) => buildModel(doc, config),
    phrases: narrative.phrases,
    ...(narrative.describe ? { describe: narrative.describe } : {}),
  };
}
