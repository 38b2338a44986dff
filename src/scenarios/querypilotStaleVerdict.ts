/**
 * querypilot-stale-verdict: a proxy dry-runs EXPLAIN CREATE CACHE on the caching sidecar and
 * hears "supported"; before it stores that verdict, the app's DROP TABLE passes through the
 * proxy to the database and replicates to the sidecar. The proxy stores "supported" anyway, and
 * every CREATE CACHE fails "table not found", retried forever (the harm; a stale verdict stored
 * or left behind is a diagnostic). Source: Readyset's QueryPilot write-up (seed 000).
 */
import { databaseMachine, type DatabaseInput } from '../actors/database';
import { ddlClientMachine, type DdlClientInput } from '../actors/ddlClient';
import { proxyMachine, type ProxyInput } from '../actors/proxy';
import { sidecarMachine, type SidecarInput } from '../actors/sidecar';
import type { Json, Model } from '../engine/types';
import { retryForever, staleVerdictForever, staleVerdictStored } from '../invariants/verdicts';
import { describeProxyStep, querypilotPhrases } from './querypilotPhrases';
import type { ScenarioConfig, ScenarioDef } from './types';
import { range } from './range';
import { QUERYPILOT_STALE_VERDICT_INFO } from './info';

const TABLE = 'example';
const QUERY = `SELECT * FROM ${TABLE}`;
const PARTIES = { proxy: 'proxy', sidecar: 'sidecar', db: 'db' };

type Flags = Pick<
  ProxyInput,
  'epochAtStore' | 'epochOnUse' | 'invalidateOnDdl' | 'dropOnFailure' | 'invalidateOnForward'
>;
const OFF: Flags = {
  epochAtStore: false,
  epochOnUse: false,
  invalidateOnDdl: false,
  dropOnFailure: false,
  invalidateOnForward: false,
};

const FIX_FLAGS: Readonly<Record<string, Flags>> = {
  none: OFF,
  'invalidate-on-ddl': { ...OFF, invalidateOnDdl: true },
  'epoch-at-store': { ...OFF, epochAtStore: true },
  'epoch-on-read': { ...OFF, epochOnUse: true },
  'invalidate-and-epoch': { ...OFF, invalidateOnDdl: true, epochAtStore: true },
  'invalidate-on-failure': { ...OFF, dropOnFailure: true },
  'invalidate-on-forward': { ...OFF, invalidateOnForward: true },
};

/** Actor inputs are plain JSON already; their readonly arrays just are not typed as such. */
const json = (value: object): Json => value as unknown as Json;

function build(config: ScenarioConfig): Model {
  const flags = FIX_FLAGS[config.fix];
  if (!flags) throw new Error(`unknown fix "${config.fix}"`);
  const proxy: ProxyInput = {
    query: QUERY,
    table: TABLE,
    sidecar: 'sidecar',
    db: 'db',
    self: 'proxy',
    maxAttempts: config.params['attempts'] ?? 3,
    ...flags,
  };
  const sidecar: SidecarInput = {
    tables: [TABLE],
    notify: flags.invalidateOnDdl ? 'proxy' : null,
  };
  const db: DatabaseInput = { rows: {}, tables: [TABLE], replicaTo: 'sidecar' };
  // The application talks to the proxy, which forwards its DDL to the database.
  const app: DdlClientInput = {
    db: 'proxy',
    statements: [{ statement: 'DROP_TABLE', table: TABLE }],
  };
  return {
    // Left to right as a statement travels: the app, the proxy in front of the databases.
    actors: [
      { id: 'webapp', label: 'App', role: 'process', machine: ddlClientMachine, input: json(app) },
      {
        id: 'proxy',
        label: 'QueryPilot',
        role: 'process',
        machine: proxyMachine,
        input: json(proxy),
      },
      {
        id: 'sidecar',
        label: 'Readyset',
        role: 'server',
        machine: sidecarMachine,
        input: json(sidecar),
      },
      { id: 'db', label: 'Database', role: 'server', machine: databaseMachine, input: json(db) },
    ],
    faults: [],
    // The retry loop is the incident; the stale verdicts are what opens the way to it.
    invariants: [retryForever(PARTIES), staleVerdictStored(PARTIES), staleVerdictForever(PARTIES)],
    granularity: config.granularity,
  };
}

export const querypilotStaleVerdict: ScenarioDef = {
  ...QUERYPILOT_STALE_VERDICT_INFO,
  source: 'Readyset: catching a caching bug in QueryPilot (seed 000)',
  fixes: [
    {
      id: 'none',
      label: 'No fix',
      summary:
        'EXPLAIN, store the verdict, CREATE CACHE; retry while the metadata says "supported".',
    },
    {
      id: 'invalidate-on-ddl',
      label: 'Invalidate on DDL notification',
      summary:
        'The sidecar tells the proxy of each DDL, which drops its verdict; but the notice can land before the verdict is stored.',
    },
    {
      id: 'epoch-at-store',
      label: 'Epoch check at store',
      summary:
        'Refuse to store a verdict older than the newest epoch known; without notifications the proxy never learns of the DROP in time.',
    },
    {
      id: 'epoch-on-read',
      label: 'Epoch-tagged verdicts, checked on use',
      summary:
        "CREATE CACHE carries the verdict's epoch and the sidecar rejects an older one, so the proxy re-checks; a stale verdict may still be stored briefly, never acted on.",
      defuses: {
        'stale-verdict-stored':
          'CREATE CACHE carries the old epoch and is refused, so the proxy re-checks: the stale verdict is never acted on',
        'stale-verdict-forever':
          'the stale verdict is refused on use, so it never drives a CREATE CACHE',
      },
    },
    {
      id: 'invalidate-and-epoch',
      label: 'Notify with epoch + refuse older verdicts',
      summary:
        'Notifications carry the new epoch: the proxy invalidates and refuses older verdicts; a stale one can sit briefly until the notice lands.',
      defuses: {
        'stale-verdict-stored':
          'the DDL notice with the new epoch drops the stale verdict before it drives a retry loop',
      },
    },
    {
      id: 'invalidate-on-failure',
      label: 'Invalidate when CREATE CACHE fails',
      summary:
        'A failed CREATE CACHE drops the verdict and re-checks ("unsupported"): the loop ends, but the stale verdict is still stored and acted on once.',
      defuses: {
        'stale-verdict-stored':
          'the first failed CREATE CACHE drops the verdict and re-checks: no retry loop',
        'stale-verdict-forever':
          'the stale verdict stays stored, but a failed CREATE CACHE drops it as soon as it is acted on',
      },
    },
    {
      id: 'invalidate-on-forward',
      label: 'Invalidate when forwarding DDL',
      summary:
        'The proxy sees every DDL it forwards and drops its verdicts on that table; a verdict still on its way from EXPLAIN is stored after the drop.',
    },
  ],
  params: [
    {
      id: 'attempts',
      label: 'CREATE CACHE attempts shown before "forever"',
      defaultValue: 3,
      min: 1,
      max: 6,
    },
  ],
  // The harm: CREATE CACHE fails and is retried forever.
  harm: ['retry-forever'],
  sweep: [{ param: 'attempts', values: () => range(1, 4) }],
  build,
  phrases: querypilotPhrases,
  describe: describeProxyStep,
};
