/**
 * The default page's first run, computed from the machines by `npm run first-run`;
 * src/store/firstRun.test.ts fails when it differs from a live run. Do not edit by hand.
 */
import type { FirstRunData } from './firstRun';

export const FIRST_RUN_DATA: FirstRunData = {
  scenario: {
    id: 'cache-aside-set-after-delete',
    title: 'Cache-aside: set after delete',
    story:
      'A reader writes back v1 after the writer committed v2 and deleted the key: the cache serves stale data.',
    tags: ['cache-aside', 'invalidation', 'redis'],
    source: 'Cache invalidation: reproduce and close the race (set-after-delete)',
    fixes: [
      {
        id: 'none',
        label: 'No fix',
        summary: 'Reader: GET, on miss SELECT then SET. Writer: UPDATE then DEL.',
      },
      {
        id: 'double-delete',
        label: 'Delayed double-delete',
        summary:
          'Writer deletes again after a delay, removing a stale value set in between. Narrows the window; closes it only if the delay outlasts every reader.',
        defuses: {
          'stale-set': 'the delayed second DEL removes the stale value before the run settles',
        },
      },
      {
        id: 'leases',
        label: 'Leases',
        summary: 'A miss hands out a lease; DEL voids it; a SET without a valid lease is refused.',
      },
      {
        id: 'versioned-cas',
        label: 'Versioned compare-and-set',
        summary:
          'Writer leaves a versioned tombstone; a reader installs only a version newer than what the cache holds.',
      },
      {
        id: 'write-through',
        label: 'Write-through',
        summary:
          'Writer SETs the new value; readers only ADD. Closes reader–writer races, but two writers still race.',
      },
      {
        id: 'ttl-backstop',
        label: 'TTL backstop',
        summary:
          'Every entry expires: a stale value is still installed, but its window is bounded by the TTL.',
      },
    ],
    params: [
      {
        id: 'readers',
        label: 'Readers',
        defaultValue: 1,
        min: 1,
        max: 3,
      },
      {
        id: 'writers',
        label: 'Writers',
        defaultValue: 1,
        min: 1,
        max: 3,
      },
      {
        id: 'delay',
        label: 'Double-delete delay (ticks)',
        defaultValue: 3,
        min: 1,
        max: 50,
      },
      {
        id: 'pause',
        label: 'Reader stall (ticks, 0 = never)',
        defaultValue: 5,
        min: 0,
        max: 50,
      },
      {
        id: 'ttl',
        label: 'TTL (ticks)',
        defaultValue: 12,
        min: 1,
        max: 100,
      },
    ],
    harm: ['stale-at-quiescence'],
  },
  config: {
    scenarioId: 'cache-aside-set-after-delete',
    fix: 'none',
    granularity: 'operations',
    params: {},
  },
  model: {
    actors: [
      {
        id: 'reader',
        label: 'Reader',
        role: 'process',
        input: {
          key: 'user:1',
          mode: 'set',
          ttl: null,
          cache: 'cache',
          db: 'db',
        },
      },
      {
        id: 'writer',
        label: 'Writer',
        role: 'process',
        input: {
          key: 'user:1',
          mode: 'delete',
          delay: 3,
          ttl: null,
          cache: 'cache',
          db: 'db',
        },
      },
      {
        id: 'cache',
        label: 'Cache',
        role: 'server',
        input: null,
      },
      {
        id: 'db',
        label: 'Database',
        role: 'server',
        input: {
          rows: {
            'user:1': {
              value: 'v1',
              version: 1,
            },
          },
        },
      },
    ],
    faults: [
      {
        kind: 'inject',
        id: 'reader-stalls',
        actor: 'reader',
        event: 'PAUSE',
        max: 1,
        whenIn: ['filling'],
        duration: 5,
        label: 'Reader stalls for 5 ticks before its write lands (GC pause, slow network)',
      },
    ],
    invariants: [
      {
        id: 'stale-set',
        title: 'Stale entry installed',
      },
      {
        id: 'stale-at-quiescence',
        title: 'Stale at quiescence',
      },
      {
        id: 'stale-forever',
        title: 'Stale forever (no TTL)',
      },
    ],
    granularity: 'operations',
  },
  trace: {
    worlds: [
      {
        clock: 0,
        actors: {
          reader: {
            value: 'getting',
            context: {
              key: 'user:1',
              mode: 'set',
              ttl: null,
              cache: 'cache',
              db: 'db',
              lease: null,
              value: null,
              version: 0,
              result: null,
            },
            status: 'active',
          },
          writer: {
            value: 'updating',
            context: {
              key: 'user:1',
              mode: 'delete',
              delay: 3,
              ttl: null,
              cache: 'cache',
              db: 'db',
              value: null,
              version: 0,
            },
            status: 'active',
          },
          cache: {
            value: 'up',
            context: {
              entries: {},
              leases: {},
              nextLease: 1,
            },
            status: 'active',
          },
          db: {
            value: 'up',
            context: {
              rows: {
                'user:1': {
                  value: 'v1',
                  version: 1,
                },
              },
            },
            status: 'active',
          },
        },
        channels: {
          'reader->cache': [
            {
              id: 'reader->cache#1',
              from: 'reader',
              to: 'cache',
              type: 'GET',
              payload: {
                key: 'user:1',
                lease: false,
              },
              reply: false,
              sync: false,
              lane: 'main',
            },
          ],
          'writer->db': [
            {
              id: 'writer->db#1',
              from: 'writer',
              to: 'db',
              type: 'UPDATE',
              payload: {
                key: 'user:1',
              },
              reply: false,
              sync: false,
              lane: 'main',
            },
          ],
        },
        sent: {
          'reader->cache': 1,
          'writer->db': 1,
        },
        timers: [],
        faultsUsed: {},
      },
    ],
    records: [],
    violations: [],
    schedule: [],
    divergence: null,
    finished: false,
  },
  enabled: [
    {
      kind: 'deliver',
      key: 'reader->cache',
      channel: 'reader->cache',
      message: {
        id: 'reader->cache#1',
        from: 'reader',
        to: 'cache',
        type: 'GET',
        payload: {
          key: 'user:1',
          lease: false,
        },
        reply: false,
        sync: false,
        lane: 'main',
      },
    },
    {
      kind: 'deliver',
      key: 'writer->db',
      channel: 'writer->db',
      message: {
        id: 'writer->db#1',
        from: 'writer',
        to: 'db',
        type: 'UPDATE',
        payload: {
          key: 'user:1',
        },
        reply: false,
        sync: false,
        lane: 'main',
      },
    },
  ],
  order: ['reader', 'cache', 'writer', 'db'],
};
