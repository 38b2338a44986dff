/**
 * The key numbers of a load simulation: one number per key name for the whole run, dense from
 * 0, so that per-key stores keep their actors in arrays by number. A source that tells its keys
 * apart by its own draws may number a new key without a lookup by name. Pure bookkeeping.
 */
export class KeyTable {
  /** Key names by number. */
  private readonly names: string[] = [];
  /** Key numbers by name; built when a key is first looked up by name. */
  private ids: Map<string, number> | undefined;

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
