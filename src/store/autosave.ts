/**
 * Autosave: the session as a record for local storage (its share link plus its notes in full),
 * and the slots it lives in: the current session, and up to five earlier sessions kept
 * whenever the app opens with something else (a shared link, or before a restore), so saved
 * work is never overwritten. Storage is passed in; any failure is reported, never thrown, and
 * once a slot cannot be written nothing else is overwritten. An authored model's YAML text is
 * saved with its session (the app registers it again before restoring).
 */
import { MAX_NOTES, NO_ANNOTATIONS, withNote, withTitle, type Annotations } from '../share/notes';
import { decodeLink, encodeShare, type ShareState } from '../share/link';
import { authoredTextOf, selectPinnedTrace, selectScenario, selectShareState } from './derive';
import type { AppState } from './types';

/** The part of `Storage` autosave uses. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export const SESSION_KEY = 'interleave:session';
export const KEPT_KEY = 'interleave:kept';
const MAX_KEPT = 5;
/** Longest authored model text kept (the format refuses longer ones anyway). */
const MAX_MODEL_TEXT = 20_000;

/** A saved session: its link (the exact state), its notes in full, and when it was saved. */
export interface SavedSession {
  readonly v: 1;
  readonly link: string;
  readonly annotations: Annotations;
  readonly savedAt: number;
  /** For the restore offer: the title or scenario, and how many steps. */
  readonly label: string;
  readonly steps: number;
  /** The authored model's YAML text, when the session is on one. */
  readonly model?: string;
}

export { authoredTextOf };

/** Returns the record of the session in `s`. */
export function sessionRecord(s: AppState, savedAt: number): SavedSession {
  // The notes are saved in full beside the link, not in it.
  const link = encodeShare(selectShareState(s), selectPinnedTrace(s).worlds).text;
  const model = authoredTextOf(s);
  const label =
    s.annotations.title.trim() ||
    (model === null ? s.scenarioId : `authored model: ${selectScenario(s).title}`);
  const record = { v: 1, link, annotations: s.annotations, savedAt, label } as const;
  return model === null
    ? { ...record, steps: s.schedule.length }
    : { ...record, steps: s.schedule.length, model };
}

/** Returns whether a session holds work worth offering back (a run or notes). */
export function worthKeeping(saved: SavedSession): boolean {
  return (
    saved.model !== undefined ||
    saved.steps > 0 ||
    saved.annotations.title !== '' ||
    Object.keys(saved.annotations.notes).length > 0
  );
}

/** Returns whether two records are the same work (time aside). */
export function sameWork(a: SavedSession, b: SavedSession): boolean {
  return (
    a.link === b.link &&
    a.model === b.model &&
    JSON.stringify(a.annotations) === JSON.stringify(b.annotations)
  );
}

function cleanAnnotations(raw: unknown): Annotations {
  if (typeof raw !== 'object' || raw === null) return NO_ANNOTATIONS;
  const { title, notes } = raw as { title?: unknown; notes?: unknown };
  let out = withTitle(NO_ANNOTATIONS, typeof title === 'string' ? title : '');
  if (typeof notes === 'object' && notes !== null) {
    for (const [step, text] of Object.entries(notes).slice(0, MAX_NOTES)) {
      if (typeof text === 'string') out = withNote(out, Number(step), text);
    }
  }
  return out;
}

/** Returns the record in `raw`, or null when it is missing or not one. */
export function parseSaved(raw: unknown): SavedSession | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Record<string, unknown>;
  if (r.v !== 1 || typeof r.link !== 'string' || r.link.length > 20_000) return null;
  const model =
    typeof r.model === 'string' && r.model.length <= MAX_MODEL_TEXT ? { model: r.model } : {};
  return {
    ...model,
    v: 1,
    link: r.link,
    annotations: cleanAnnotations(r.annotations),
    savedAt: typeof r.savedAt === 'number' ? r.savedAt : 0,
    label: typeof r.label === 'string' ? r.label.slice(0, 140) : '',
    steps: typeof r.steps === 'number' ? r.steps : 0,
  };
}

/**
 * Returns the state a saved session restores, or null when it can no longer be opened. An
 * authored model must be registered first.
 */
export function restoredState(saved: SavedSession): ShareState | null {
  const decoded = decodeLink(saved.link);
  return decoded.ok ? { ...decoded.state, annotations: saved.annotations } : null;
}

/** The storage slots, with every failure turned into `false` / empty results. */
export class AutosaveSlots {
  constructor(private readonly storage: KeyValueStore | null) {}

  private read(key: string): unknown {
    const text = this.storage?.getItem(key) ?? null;
    return text === null ? null : (JSON.parse(text) as unknown);
  }

  /** Returns the current session's record, or null (none, unreadable, or no storage). */
  session(): SavedSession | null {
    try {
      return parseSaved(this.read(SESSION_KEY));
    } catch {
      return null;
    }
  }

  /** Returns the kept sessions, newest first. */
  kept(): SavedSession[] {
    try {
      const raw = this.read(KEPT_KEY);
      if (!Array.isArray(raw)) return [];
      return raw.map(parseSaved).filter((x): x is SavedSession => x !== null);
    } catch {
      return [];
    }
  }

  /** Keeps `saved` first among the kept sessions (once); returns whether it was stored. */
  keep(saved: SavedSession): boolean {
    if (!this.storage) return false;
    try {
      const rest = this.kept().filter((k) => !sameWork(k, saved));
      this.storage.setItem(KEPT_KEY, JSON.stringify([saved, ...rest].slice(0, MAX_KEPT)));
      return true;
    } catch {
      return false;
    }
  }

  /** Removes one kept session (after it was restored); returns whether it could. */
  forget(saved: SavedSession): boolean {
    if (!this.storage) return false;
    try {
      const rest = this.kept().filter((k) => !sameWork(k, saved));
      this.storage.setItem(KEPT_KEY, JSON.stringify(rest));
      return true;
    } catch {
      return false;
    }
  }

  /** Saves the current session; returns whether it was stored. */
  save(saved: SavedSession): boolean {
    if (!this.storage) return false;
    try {
      this.storage.setItem(SESSION_KEY, JSON.stringify(saved));
      return true;
    } catch {
      return false;
    }
  }
}
