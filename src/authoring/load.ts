/**
 * Loading an authored model: YAML text → checked document → `ScenarioDef`. Every problem comes
 * back as an error with a line, a column and what was expected; nothing throws on bad input.
 * Pure.
 */
import type { ScenarioDef } from '../scenarios/types';
import { INVARIANT_KINDS } from './invariants';
import { BuildError, buildModel, compile } from './compile';
import { modelSchema, type ModelDoc } from './schema';
import { errorAt, offsetOf, readYaml, type AuthoringError, type Path, type Source } from './source';
import { refsIn } from './values';

export type { AuthoringError } from './source';

export type LoadResult =
  | { readonly ok: true; readonly doc: ModelDoc; readonly scenario: ScenarioDef }
  | { readonly ok: false; readonly errors: readonly AuthoringError[] };

/** At most this many errors are reported at once. */
const MAX_ERRORS = 20;

type Problem = { path: Path; message: string; key?: string | undefined };

function duplicates(ids: readonly string[], path: (i: number) => Path, what: string): Problem[] {
  const seen = new Set<string>();
  const out: Problem[] = [];
  ids.forEach((id, i) => {
    if (seen.has(id)) out.push({ path: path(i), message: `duplicate ${what} id "${id}"` });
    seen.add(id);
  });
  return out;
}

function unknown(name: string, known: Iterable<string>, what: string): string {
  const list = [...known];
  return `unknown ${what} "${name}"; expected one of: ${list.join(', ') || '(none declared)'}`;
}

/** The checks a schema cannot make: names that must refer to something declared. */
function crossCheck(doc: ModelDoc): Problem[] {
  const problems: Problem[] = [];
  const actorIds = new Set(doc.actors.map((a) => a.id));
  const faultIds = new Set((doc.faults ?? []).map((f) => f.id));
  const paramIds = new Set((doc.params ?? []).map((p) => p.id));
  const invariantIds = new Set(doc.invariants.map((i) => i.use));
  problems.push(
    ...duplicates(
      doc.actors.map((a) => a.id),
      (i) => ['actors', i, 'id'],
      'actor',
    ),
    ...duplicates(
      (doc.faults ?? []).map((f) => f.id),
      (i) => ['faults', i, 'id'],
      'fault',
    ),
    ...duplicates(
      doc.fixes.map((f) => f.id),
      (i) => ['fixes', i, 'id'],
      'fix',
    ),
    ...duplicates(
      (doc.params ?? []).map((p) => p.id),
      (i) => ['params', i, 'id'],
      'param',
    ),
    ...duplicates(
      doc.invariants.map((v) => v.use),
      (i) => ['invariants', i, 'use'],
      'invariant',
    ),
  );
  if (!doc.invariants.some((i) => i.role === 'harm'))
    problems.push({
      path: ['invariants'],
      message: 'expected at least one invariant with role: harm',
    });
  for (const section of ['actors', 'faults', 'fixes', 'sweep'] as const) {
    for (const ref of refsIn(doc[section] ?? [], [section])) {
      if (!paramIds.has(ref.name))
        problems.push({ path: ref.path, message: unknown(ref.name, paramIds, 'parameter') });
    }
  }
  (doc.sweep ?? []).forEach((axis, i) => {
    if (!paramIds.has(axis.param))
      problems.push({
        path: ['sweep', i, 'param'],
        message: unknown(axis.param, paramIds, 'parameter'),
      });
  });
  (doc.faults ?? []).forEach((fault, i) => {
    const names =
      fault.kind === 'drop' || fault.kind === 'delay'
        ? (['from', 'to'] as const)
        : (['actor'] as const);
    for (const field of names) {
      const ref = (fault as Record<string, unknown>)[field] as string;
      if (!actorIds.has(ref))
        problems.push({ path: ['faults', i, field], message: unknown(ref, actorIds, 'actor') });
    }
  });
  doc.invariants.forEach((inv, i) => {
    const kind = INVARIANT_KINDS[inv.use]!;
    const { use: _use, role: _role, ...params } = inv;
    const result = kind.params.safeParse(params);
    for (const issue of result.error?.issues.slice(0, 3) ?? []) {
      const path = ['invariants', i, ...issue.path.map(String)];
      if (issue.code === 'unrecognized_keys')
        problems.push({ path, key: issue.keys[0], message: `${issue.message} for ${inv.use}` });
      else problems.push({ path, message: `${inv.use}: ${issue.message}` });
    }
    if (!result.success) return;
    const refs = [
      ...kind.actor.map((k) => [k, params[k]] as const),
      ...kind.actorList.flatMap((k) =>
        ((params[k] as string[] | undefined) ?? []).map((v, j) => [`${k}.${j}`, v] as const),
      ),
    ];
    for (const [key, ref] of refs) {
      if (typeof ref === 'string' && !actorIds.has(ref))
        problems.push({
          path: ['invariants', i, ...key.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s))],
          message: unknown(ref, actorIds, 'actor'),
        });
    }
  });
  doc.fixes.forEach((fix, i) => {
    const refs: [string, Record<string, unknown> | undefined, Set<string>, string][] = [
      ['options', fix.options, actorIds, 'actor'],
      ['enabled', fix.enabled, actorIds, 'actor'],
      ['faults', fix.faults, faultIds, 'fault'],
      ['invariants', fix.invariants, invariantIds, 'invariant'],
      ['defuses', fix.defuses, invariantIds, 'invariant'],
    ];
    for (const [field, map, known, what] of refs) {
      for (const name of Object.keys(map ?? {})) {
        if (!known.has(name))
          problems.push({
            path: ['fixes', i, field],
            key: name,
            message: unknown(name, known, what),
          });
      }
    }
  });
  return problems;
}

/**
 * Builds every fix at the defaults, with every parameter at its minimum, and with every one at
 * its maximum: the configurations the app and the judge start from and reach.
 */
function trialBuilds(doc: ModelDoc): Problem[] {
  const params = doc.params ?? [];
  const configs: Record<string, number>[] = [
    {},
    Object.fromEntries(params.map((p) => [p.id, p.min])),
    Object.fromEntries(params.map((p) => [p.id, p.max])),
  ];
  for (const fix of doc.fixes) {
    for (const values of configs) {
      try {
        buildModel(doc, { fix: fix.id, granularity: 'operations', params: values });
      } catch (error) {
        const where = Object.entries(values).map(([k, v]) => `${k}=${v}`);
        const config = `fix ${fix.id}${where.length ? `, ${where.join(', ')}` : ''}`;
        const path = error instanceof BuildError ? error.path : [];
        return [{ path, message: `${(error as Error).message} (with ${config})` }];
      }
    }
  }
  return [];
}

function locate(source: Source, problems: readonly Problem[]): AuthoringError[] {
  return problems
    .slice(0, MAX_ERRORS)
    .map((p) => errorAt(source, offsetOf(source, p.path, p.key), p.path, p.message));
}

/** Reads and checks an authored model. Never throws on bad input. Pure. */
export function loadModel(text: string): LoadResult {
  const read = readYaml(text);
  if (!read.ok) return read;
  const parsed = modelSchema.safeParse(read.value);
  if (!parsed.success) {
    const problems: Problem[] = parsed.error.issues.map((issue) => {
      const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
      return issue.code === 'unrecognized_keys'
        ? { path, key: issue.keys[0], message: issue.message }
        : { path, message: issue.message };
    });
    return { ok: false, errors: locate(read.source, problems) };
  }
  const doc = parsed.data;
  const problems = crossCheck(doc);
  if (problems.length > 0) return { ok: false, errors: locate(read.source, problems) };
  const built = trialBuilds(doc);
  if (built.length > 0) return { ok: false, errors: locate(read.source, built) };
  return { ok: true, doc, scenario: compile(doc) };
}

/** One line per error: `line:column path: message`. Pure. */
export function formatErrors(errors: readonly AuthoringError[], file = ''): string[] {
  return errors.map(
    (e) =>
      `${file}${file ? ':' : ''}${e.line}:${e.column}${e.path ? ` ${e.path}:` : ''} ${e.message}`,
  );
}
