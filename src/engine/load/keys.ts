/**
 * The key numbers of a load simulation: one number per key name for the whole run, dense from
 * 0, so that per-key stores keep their actors in arrays by number. A source that tells its keys
 * apart by its own draws may number a key by a code computed from them, without its name.
 * Pure bookkeeping.
 */

/** Above this many used slots per slot, a code index doubles. */
const FULL = 0.5;

/**
 * Numbers by code: an open-addressing hash table of non-negative safe integers in typed arrays
 * (no object per entry, no boxed keys), for a source's own codes of its keys.
 */
class CodeIndex {
  private codes = new Float64Array(1024);
  /** The number of each slot's code; -1: an empty slot. */
  private values = new Int32Array(1024).fill(-1);
  private size = 0;

  /** The number stored for `code`, or -1. */
  get(code: number): number {
    const codes = this.codes;
    const values = this.values;
    const mask = codes.length - 1;
    for (let i = slotOf(code, mask); ; i = (i + 1) & mask) {
      const value = values[i] as number;
      if (value < 0 || codes[i] === code) return value;
    }
  }

  /** Stores `value` (≥ 0) for `code` (checked by `checkCode`), which holds none yet. */
  set(code: number, value: number): void {
    if (this.size + 1 > this.codes.length * FULL) this.grow();
    this.put(code, value);
    this.size++;
  }

  private put(code: number, value: number): void {
    const mask = this.codes.length - 1;
    let i = slotOf(code, mask);
    while ((this.values[i] as number) >= 0) i = (i + 1) & mask;
    this.codes[i] = code;
    this.values[i] = value;
  }

  private grow(): void {
    const { codes, values } = this;
    this.codes = new Float64Array(codes.length * 2);
    this.values = new Int32Array(codes.length * 2).fill(-1);
    for (let i = 0; i < codes.length; i++) {
      const value = values[i] as number;
      if (value >= 0) this.put(codes[i] as number, value);
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
