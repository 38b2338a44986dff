/**
 * Reading YAML text for the authoring format: parse with positions, refuse what the format does
 * not allow (aliases, custom tags, too many or too deep nodes), and map a path in the parsed
 * value back to a line and column. Pure.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Document, Node as YamlNode } from 'yaml';
import { LIMITS } from './schema';

export type Path = readonly (string | number)[];

/** One problem with a model, where it is and what was expected. */
export interface AuthoringError {
  readonly line: number;
  readonly column: number;
  /** The path in the model, e.g. `actors[0].options.mode`; empty for the whole text. */
  readonly path: string;
  readonly message: string;
}

export interface Source {
  readonly doc: Document.Parsed;
  readonly lines: LineCounter;
}

/** Returns `actors[0].options.mode` for a path. Pure. */
export function pathText(path: Path): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

function at(lines: LineCounter, offset: number): { line: number; column: number } {
  const { line, col } = lines.linePos(offset);
  return { line, column: col };
}

/** Returns an error at a character offset of the text. */
export function errorAt(
  source: Source | null,
  offset: number,
  path: Path,
  message: string,
): AuthoringError {
  const pos = source ? at(source.lines, offset) : { line: 1, column: 1 };
  return { ...pos, path: pathText(path), message };
}

/**
 * Returns the offset of the node a path leads to: the deepest node that exists along it, and,
 * when `key` is set, the key of that entry in the map the path leads to.
 */
export function offsetOf(source: Source, path: Path, key?: string | undefined): number {
  let node: unknown = source.doc.contents;
  let offset = (node as YamlNode | null)?.range?.[0] ?? 0;
  for (const segment of key === undefined ? path : [...path, key]) {
    let next: unknown = undefined;
    let keyNode: unknown = undefined;
    if (isMap(node)) {
      const pair = node.items.find(
        (p) => isScalar(p.key) && String(p.key.value) === String(segment),
      );
      next = pair?.value;
      keyNode = pair?.key;
    } else if (isSeq(node) && typeof segment === 'number') {
      next = node.items[segment];
    }
    const isLast = segment === key && key !== undefined;
    const target = isLast ? keyNode : (next ?? keyNode);
    const range = (target as YamlNode | undefined)?.range;
    if (!range) break;
    offset = range[0];
    if (next === undefined) break;
    node = next;
  }
  return offset;
}

/** Counts nodes and depth without recursion; returns the first problem found, or null. */
function checkShape(source: Source): AuthoringError | null {
  const stack: { node: unknown; depth: number }[] = [{ node: source.doc.contents, depth: 0 }];
  let nodes = 0;
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (node === null || node === undefined) continue;
    nodes++;
    const offset = (node as YamlNode).range?.[0] ?? 0;
    if (nodes > LIMITS.nodes)
      return errorAt(source, offset, [], `too large: a model has at most ${LIMITS.nodes} values`);
    if (depth > LIMITS.depth)
      return errorAt(source, offset, [], `nested too deeply (at most ${LIMITS.depth} levels)`);
    if (isAlias(node))
      return errorAt(source, offset, [], 'anchors and aliases (*name) are not supported');
    if (isScalar(node) && node.tag && !node.tag.startsWith('tag:yaml.org,2002:'))
      return errorAt(source, offset, [], `unsupported tag ${node.tag}`);
    if (isMap(node) || isSeq(node)) {
      if (node.tag && !node.tag.startsWith('tag:yaml.org,2002:'))
        return errorAt(source, offset, [], `unsupported tag ${node.tag}`);
      for (const item of node.items as unknown[]) {
        if (isPair(item)) {
          stack.push({ node: item.key, depth: depth + 1 });
          stack.push({ node: item.value, depth: depth + 1 });
        } else stack.push({ node: item, depth: depth + 1 });
      }
    }
  }
  return null;
}

/**
 * A cheap scan of the raw text, before the parser (which recurses on nesting) sees it: too many
 * lines, brackets left open, or list dashes on one line. Counts quoted brackets too, so it can
 * only be stricter than the parsed depth check. Returns the problem's offset and text, or null.
 */
function precheck(text: string): { offset: number; message: string } | null {
  let lines = 1;
  let open = 0;
  let dashes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      lines++;
      dashes = 0;
      if (lines > LIMITS.lines)
        return { offset: i, message: `too long: at most ${LIMITS.lines} lines` };
    } else if (c === 91 || c === 123) open++;
    else if (c === 93 || c === 125) open = Math.max(0, open - 1);
    else if (c === 45 && (text.charCodeAt(i + 1) === 32 || text.charCodeAt(i + 1) === 10)) dashes++;
    if (open + dashes > LIMITS.openings)
      return { offset: i, message: `nested too deeply (at most ${LIMITS.openings} levels)` };
  }
  return null;
}

/** Parses YAML text into a plain value, or returns the errors that stop it. Pure. */
export function readYaml(
  text: string,
): { ok: true; value: unknown; source: Source } | { ok: false; errors: AuthoringError[] } {
  if (typeof text !== 'string')
    return { ok: false, errors: [errorAt(null, 0, [], 'expected text')] };
  if (text.length > LIMITS.text) {
    return {
      ok: false,
      errors: [
        errorAt(null, 0, [], `too long: at most ${LIMITS.text} characters, got ${text.length}`),
      ],
    };
  }
  const lines = new LineCounter();
  const early = precheck(text);
  if (early) {
    // Positions still help here: count lines up to the offset without parsing.
    const before = text.slice(0, early.offset);
    const line = before.split('\n').length;
    const column = early.offset - before.lastIndexOf('\n');
    return { ok: false, errors: [{ line, column, path: '', message: early.message }] };
  }
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, {
      lineCounter: lines,
      prettyErrors: false,
      uniqueKeys: true,
      strict: true,
      stringKeys: true,
    });
  } catch (error) {
    // The parser recurses on nesting; text built to exhaust the stack ends here.
    const why = error instanceof RangeError ? 'nested too deeply' : (error as Error).message;
    return { ok: false, errors: [errorAt(null, 0, [], `not readable as YAML: ${why}`)] };
  }
  const source = { doc, lines };
  const problems = [...doc.errors, ...doc.warnings];
  if (problems.length > 0) {
    return {
      ok: false,
      errors: problems
        .slice(0, 10)
        .map((e) => errorAt(source, e.pos[0], [], e.message.split('\n')[0] ?? e.message)),
    };
  }
  const shape = checkShape(source);
  if (shape) return { ok: false, errors: [shape] };
  try {
    return { ok: true, value: doc.toJS({ maxAliasCount: 0 }), source };
  } catch (error) {
    return { ok: false, errors: [errorAt(source, 0, [], (error as Error).message)] };
  }
}
