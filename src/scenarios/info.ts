/**
 * What the picker shows of each built-in scenario (id, title, story, tags), in the picker's
 * order: plain data, so the page lists every scenario without loading their models. Each
 * scenario spreads its own entry. Pure.
 */

/** A built-in scenario as the picker lists it. */
export interface ScenarioInfo {
  readonly id: string;
  readonly title: string;
  /** One-line story for the picker. */
  readonly story: string;
  readonly tags: readonly string[];
}

export const CACHE_ASIDE_INFO: ScenarioInfo = {
  id: 'cache-aside-set-after-delete',
  title: 'Cache-aside: set after delete',
  story:
    'A reader writes back v1 after the writer committed v2 and deleted the key: the cache serves stale data.',
  tags: ['cache-aside', 'invalidation', 'redis'],
};

export const DROPPED_DELETE_TTL_BACKSTOP_INFO: ScenarioInfo = {
  id: 'dropped-delete-ttl-backstop',
  title: 'Dropped DEL: the TTL backstop',
  story:
    'The writer commits v2 but its DEL never reaches the cache: v1 is served until the TTL ends — or forever when there is none.',
  tags: ['cache-aside', 'invalidation', 'ttl', 'fault-injection', 'redis'],
};

export const WRITE_BEHIND_LOSS_INFO: ScenarioInfo = {
  id: 'write-behind-loss',
  title: 'Write-behind: an acknowledged write lost in a crash',
  story:
    'The cache ACKs the write at once and flushes it later; the node dies before the flush and a write the client was told is saved is gone.',
  tags: ['write-behind', 'durability', 'crash', 'fault-injection'],
};

export const SHARED_CLASS_STATE_INFO: ScenarioInfo = {
  id: 'shared-class-state',
  title: 'Shared class state: tables leak between threads',
  story:
    'local.qb is a class, so local.qb.engine = Engine() is shared by every thread: one request joins the other\'s table and MySQL says "column is ambiguous".',
  tags: ['threads', 'shared-state', 'python', 'query-builder'],
};

export const QUERYPILOT_STALE_VERDICT_INFO: ScenarioInfo = {
  id: 'querypilot-stale-verdict',
  title: 'QueryPilot: stale EXPLAIN verdict',
  story:
    'A DROP TABLE passes through the proxy and replicates while it is about to store "supported": the stale verdict makes CREATE CACHE fail forever.',
  tags: ['metadata cache', 'replication', 'DDL', 'retry loop'],
};

export const DUPLICATE_INSERT_INFO: ScenarioInfo = {
  id: 'duplicate-insert',
  title: 'Duplicate insert: ExistingEntry while handling NonExistentEntry',
  story:
    'Two tasks miss the same user, both await the upstream fetch, and the slower add_entry raises ExistingEntry.',
  tags: ['asyncio', 'check-then-act', 'exception chain', 'single-flight'],
};

export const HOT_KEY_STAMPEDE_INFO: ScenarioInfo = {
  id: 'hot-key-stampede',
  title: 'Stampede: readers reach an expired hot key',
  story:
    'A hot key expires and three readers miss it at once: each one SELECTs it from the database, so one expiry costs several origin fetches.',
  tags: ['cache-aside', 'ttl', 'stampede', 'single-flight', 'redis'],
};

export const ASYNC_INVALIDATION_INFO: ScenarioInfo = {
  id: 'async-invalidation-stale-read',
  title: 'Async invalidation: the Edit UI reloads its own stale save',
  story:
    'The save queues the invalidation for a worker and returns; the Edit UI reloads at once and reads the cached resultset the worker has not deleted yet.',
  tags: ['cacheops', 'invalidation', 'worker queue', 'read-your-writes', 'redis'],
};

/** Every built-in, in the picker's order (the default scenario first). */
export const BUILT_IN_INFO: readonly ScenarioInfo[] = [
  CACHE_ASIDE_INFO,
  DROPPED_DELETE_TTL_BACKSTOP_INFO,
  WRITE_BEHIND_LOSS_INFO,
  SHARED_CLASS_STATE_INFO,
  QUERYPILOT_STALE_VERDICT_INFO,
  DUPLICATE_INSERT_INFO,
  HOT_KEY_STAMPEDE_INFO,
  ASYNC_INVALIDATION_INFO,
];
