/**
 * shared-class-state: two requests run in threads of one web worker. Each does
 * `local.qb = get_query_builder(db_type)` — the builder CLASS — then `local.qb.engine = Engine()`,
 * which sets a class attribute every thread shares. Preempted between building and running, one
 * request's engine is replaced by, or shared with, the other's; their tables mix and MySQL gets a
 * query joining unrelated tables: `column "name" is ambiguous`. Source: seed 003 (Frappe).
 */
import { processMemoryMachine, type MemoryInput } from '../actors/processMemory';
import { requestThreadMachine, type EngineHome, type RequestInput } from '../actors/requestThread';
import { sqlServerMachine } from '../actors/sqlServer';
import type { ActorSpec, Model } from '../engine/types';
import { ambiguousColumnRaised, queryJoinsForeignTable } from '../invariants/sharedState';
import { sharedStatePhrases } from './sharedStatePhrases';
import type { ScenarioConfig, ScenarioDef } from './types';
import { SHARED_CLASS_STATE_INFO } from './info';

interface FixPlan {
  /** `class Engine: tables = {}` as shipped; false after the first "fix". */
  readonly classTables: boolean;
  readonly engineHome: EngineHome;
}

const FIX_PLANS: Readonly<Record<string, FixPlan>> = {
  none: { classTables: true, engineHome: 'class' },
  'instance-attribute': { classTables: false, engineHome: 'class' },
  // Keeps the original Engine class on purpose: its class-level `tables` was never the leak.
  'per-request-engine': { classTables: true, engineHome: 'local' },
};

/** The requests the threads serve: the incident's two tables, then a third from its logs. */
const REQUESTS = [
  { request: 'A', table: 'OAuth Token', select: 'scopes' },
  { request: 'B', table: 'Pick List', select: 'customer' },
  { request: 'C', table: 'Sessions', select: 'sessiondata' },
] as const;

/** Every Frappe table has a `name` column, so any join makes a bare `name` ambiguous. */
const COLUMNS: { [table: string]: string[] } = {
  'OAuth Token': ['name', 'scopes', 'user'],
  'Pick List': ['name', 'parent', 'customer'],
  Sessions: ['name', 'user', 'sessiondata'],
};

function build(config: ScenarioConfig): Model {
  const plan = FIX_PLANS[config.fix];
  if (!plan) throw new Error(`unknown fix "${config.fix}"`);
  const count = Math.min(Math.max(config.params.threads ?? 2, 1), REQUESTS.length);
  const actors: ActorSpec[] = [];
  const threads: string[] = [];
  for (const r of REQUESTS.slice(0, count)) {
    const id = `thread-${r.request.toLowerCase()}`;
    threads.push(id);
    const input: RequestInput = {
      ...r,
      where: 'name',
      engineHome: plan.engineHome,
      memory: 'memory',
      db: 'db',
    };
    actors.push({
      id,
      label: `Thread ${r.request} (${r.table})`,
      role: 'process',
      machine: requestThreadMachine,
      input: { ...input },
    });
  }
  const memory: MemoryInput = { classTables: plan.classTables };
  actors.push({
    id: 'memory',
    label: 'Process memory',
    role: 'server',
    machine: processMemoryMachine,
    input: { ...memory },
  });
  actors.push({
    id: 'db',
    label: 'MySQL',
    role: 'server',
    machine: sqlServerMachine,
    input: { columns: COLUMNS },
  });
  return {
    actors,
    faults: [],
    invariants: [queryJoinsForeignTable(threads), ambiguousColumnRaised('db')],
    granularity: config.granularity,
  };
}

export const sharedClassState: ScenarioDef = {
  ...SHARED_CLASS_STATE_INFO,
  source: 'Fake Debugging II: The Race Condition Strikes Back (Frappe query builder, seed 003)',
  fixes: [
    {
      id: 'none',
      label: 'No fix',
      summary:
        'local.qb is the MySQLQueryBuilder class; local.qb.engine = Engine() sets a class attribute all threads share.',
    },
    {
      id: 'instance-attribute',
      label: 'Instance attribute on Engine (first "fix")',
      summary:
        'Moves Engine.tables into __init__. Changes nothing: get_query already reset self.tables; the shared thing is the engine object itself.',
    },
    {
      id: 'per-request-engine',
      label: 'Engine on the per-request local',
      summary:
        'Each request keeps its own Engine on its local object (like a stateless builder): no thread can reach another request’s tables.',
    },
  ],
  params: [{ id: 'threads', label: 'Request threads', defaultValue: 2, min: 2, max: 3 }],
  // The harm: a query joins another request's table and the database raises the error.
  harm: ['foreign-table-joined', 'ambiguous-column'],
  sweep: [{ param: 'threads', actors: true, values: () => [2, 3] }],
  build,
  phrases: sharedStatePhrases,
};
