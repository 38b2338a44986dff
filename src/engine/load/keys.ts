/**
 * The key numbers of a load simulation: one number per key name for the whole run, dense from
 * 0, so that per-key stores keep their actors in arrays by number. A source that tells its keys
 * apart by its own draws may number a key by a code computed from them, without its name.
 * Pure bookkeeping.
 */

/** Above this many used slots per slot, a code index doubles. */
const FULL = 0.5;

/**
 * Numbers by code: an open-addressing hash table of non-negative safe integers in one typed
 * array of (code, number + 1) pairs, 0 marking an empty slot: no object per entry, no boxed
 * keys, and a probe reads one cache line.
 */
class CodeIndex {
  private pairs = new Float64Array(2 * 1024);
  private size = 0;

  /** The number stored for `code`, or -1. */
  get(code: number): number {
    const pairs = this.pairs;
    const mask = (pairs.length >> 1) - 1;
    for (let i = slotOf(code, mask); ; i = (i + 1) & mask) {
      const held = pairs[2 * i + 1] as number;
      if (held === 0 || pairs[2 * i] === code) return held - 1;
    }
  }

  /** Stores `value` (≥ 0) for `code` (checked by `checkCode`), which holds none yet. */
  set(code: number, value: number): void {
    if (this.size + 1 > (this.pairs.length >> 1) * FULL) this.grow();
    this.put(code, value + 1);
    this.size++;
  }

  /** Puts the pair (`code`, `held`) in its first free slot. */
  private put(code: number, held: number): void {
    const pairs = this.pairs;
    const mask = (pairs.length >> 1) - 1;
    let i = slotOf(code, mask);
    while (pairs[2 * i + 1] !== 0) i = (i + 1) & mask;
    pairs[2 * i] = code;
    pairs[2 * i + 1] = held;
  }

  private grow(): void {
    const pairs = this.pairs;
    this.pairs = new Float64Array(pairs.length * 2);
    for (let i = 0; i < pairs.length; i += 2) {
      const held = pairs[i + 1] as number;
      if (held !== 0) this.put(pairs[i] as number, held);
    }
  }
}

/** Throws unless `code` is a non-negative safe integer. */
function checkCode(code: number): void {
  if (!Number.isSafeInteger(code) || code < 0) throw new Error(`bad key code ${code}`);
}

/** The home slot of `code` (a safe integer) in a table of `mask + 1` slots: its bits mixed. */
function slotOf(code: number, mask: number): number {
  const low = code >>> 0;
  const high = (code / 4294967296) >>> 0;
  let h = Math.imul(low ^ Math.imul(high, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 15;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 13)) & mask;
}

/** Something that names keys one after another (a request actor): its latest key, numbered. */
export interface KeyHolder {
  /** The key of its latest command (as sent), and that key's number (-1 before any). */
  key: unknown;
  keyId: number;
}

export class KeyTable {
  /** Key names by number. */
  private readonly names: string[] = [];
  /** Key numbers by name; built when a key is first looked up by name. */
  private ids: Map<string, number> | undefined;
  /** Key numbers by a source's own code of the key (see `coded`). */
  private readonly codes = new CodeIndex();

  /** Returns the number of key `name`, numbering it if new. */
  number(name: string): number {
    const ids = this.ids ?? this.index();
    let id = ids.get(name);
    if (id === undefined) {
      id = this.names.length;
      this.names.push(name);
      ids.set(name, id);
    }
    return id;
  }

  /**
   * Returns the number of `key`, the key of a command from `holder`: most commands of a request
   * name the key of its previous one (the same string), found without a lookup by name.
   */
  numberFor(holder: KeyHolder, key: unknown): number {
    if (key === holder.key) return holder.keyId;
    const id = this.number(String(key));
    holder.key = key;
    holder.keyId = id;
    return id;
  }

  /**
   * Numbers key `name`, which the caller knows is new (never numbered before), as `number`
   * does but without a lookup by name: for a source that tells its keys apart by its own draws.
   * Numbering a name twice throws, here or when a lookup by name first needs the index.
   */
  add(name: string): number {
    const id = this.names.length;
    if (this.ids) {
      if (this.ids.has(name)) throw new Error(`key "${name}" is not new`);
      this.ids.set(name, id);
    }
    this.names.push(name);
    return id;
  }

  /**
   * Returns the number of the key with code `code`, or -1 when no key has it yet. A code is a
   * non-negative safe integer a source computes from what names the key (e.g. a URL's parts),
   * equal for two keys exactly when their names are equal: a repeated key is found without
   * building its name.
   */
  coded(code: number): number {
    return this.codes.get(code);
  }

  /** Numbers key `name`, new, with code `code` (see `coded`); returns its number. */
  addCoded(code: number, name: string): number {
    checkCode(code);
    const id = this.add(name);
    this.codes.set(code, id);
    return id;
  }

  /** The name of key number `id`. */
  name(id: number): string {
    const name = this.names[id];
    if (name === undefined) throw new Error(`no key number ${id}`);
    return name;
  }

  /** Builds the index of key numbers by name from the names numbered so far. */
  private index(): Map<string, number> {
    const ids = new Map<string, number>();
    this.names.forEach((name, id) => {
      if (ids.has(name)) throw new Error(`key "${name}" was numbered twice`);
      ids.set(name, id);
    });
    this.ids = ids;
    return ids;
  }
}
