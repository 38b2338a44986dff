/**
 * Detectors for a save followed by a reload through a query cache: the saver's own reload
 * showing data older than its save (read-your-writes broken: the harm), and, as a diagnostic,
 * another session shown a resultset older than what was committed when it got it. Pure
 * functions of worlds and steps.
 */
import type { DatabaseContext } from '../actors/database';
import type { EditSessionContext } from '../actors/editSession';
import type { Invariant, World } from '../engine/types';

/** A session of the Edit UI, with its display label. */
export interface SessionRef {
  readonly id: string;
  readonly label: string;
}

/** Returns the session's context when it finished in this step, else null. Pure. */
function finished(before: World, after: World, id: string): EditSessionContext | null {
  const now = after.actors[id];
  if (now?.status !== 'done' || before.actors[id]?.status === 'done') return null;
  return now.context as unknown as EditSessionContext;
}

/** The saver's reload showed a version older than the one its save committed (marked there). */
export function staleOwnRead(editor: SessionRef): Invariant {
  return {
    id: 'stale-own-read',
    title: 'The reload after a save showed the old data',
    onStep: ({ before, after }) => {
      const done = finished(before, after, editor.id);
      if (!done || done.saved === 0 || done.version >= done.saved) return null;
      return `${editor.label} saved v${done.saved}, but its reload showed ${done.result ?? '—'} from the cached ${done.page}: not invalidated yet`;
    },
  };
}

/** Another session's page showed a version older than the committed one (marked there). */
export function staleReadAfterCommit(sessions: readonly SessionRef[], db: string): Invariant {
  return {
    id: 'stale-read',
    title: 'Another page showed a resultset older than the committed row',
    onStep: ({ before, after }) => {
      for (const session of sessions) {
        const done = finished(before, after, session.id);
        if (!done) continue;
        const rows = (after.actors[db]?.context as unknown as DatabaseContext).rows;
        const committed = rows[done.record]?.version ?? 0;
        if (done.version < committed)
          return `${session.label} was shown ${done.result ?? '—'} from ${done.page} while v${committed} was committed`;
      }
      return null;
    },
  };
}
