/**
 * The app state: plain JSON only (no actor refs, machines, workers or DOM objects).
 * Derived data (model, trace, enabled steps, narrative) comes from memoized selectors.
 */
import type { Granularity } from '../engine/types';
import type { VerdictSummary } from '../scenarios/judge';
import type { PinConfig, SessionConfig } from '../scenarios/session';
import type { Annotations } from '../share/notes';
import type { AuthoringError } from '../authoring/source';
import type { ShareState } from '../share/link';
import type { SavedSession } from './autosave';

export type { Annotations };
import type { ExploreSummary, RaceFound } from '../workers/protocol';

export type { ExploreSummary, PinConfig, RaceFound };

export type ExploreStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

export interface Notice {
  readonly id: number;
  readonly kind: 'error' | 'warning' | 'info';
  readonly text: string;
  /** A link the notice is about (a refused one), shown as text with a button to copy it. */
  readonly link?: string;
}

/** A pinned run: its schedule and cursor, the granularity they are in and where they were made. */
export interface PinnedRun {
  readonly granularity: Granularity;
  readonly under: PinConfig;
  readonly schedule: readonly string[];
  readonly cursor: number;
}

/** The run before a change of granularity carried it over, restored by changing back. */
export interface GranularityOrigin {
  readonly run: PinnedRun;
  /** The cursor the carried-over run started with (when unchanged, the original one returns). */
  readonly carriedCursor: number;
}

/** A pinned run as kept by the undo history. */
export interface PinSnapshot extends PinnedRun {
  readonly origin: GranularityOrigin | null;
}

export interface SessionSlice {
  /** The model has loaded (before, the page shows its first run, computed at build time). */
  modelReady: boolean;
  scenarioId: string;
  fix: string;
  granularity: Granularity;
  params: Record<string, number>;
  seed: number;
  /**
   * The pinned run. A change of fix or parameter never truncates it: the trace shown is its
   * replay under the current configuration, which may stop early (diverge).
   */
  schedule: string[];
  /** The pinned cursor; what is shown is clamped to the part that replays (`selectCursor`). */
  cursor: number;
  /** Where `schedule` was pinned: it replays in full under this fix and these parameters. */
  pinnedUnder: PinConfig;
  /** Set while the run shown was carried over from another granularity. */
  origin: GranularityOrigin | null;
  /** Earlier pinned runs that a later one replaced, most recent last (Undo restores). */
  undoStack: PinSnapshot[];
  /** Bumped by changes worth a browser history entry (scenario, fix, loaded schedules). */
  navigation: number;
  /** The run's title and a note per step (1-based step number → text): plain text only. */
  annotations: Annotations;
  /** Sets the run's title ('' removes it). */
  setTitle(title: string): void;
  /** Sets the note on step `step` (1-based; '' removes it). */
  setNote(step: number, text: string): void;
  selectScenario(id: string): void;
  setFix(fix: string): void;
  setGranularity(granularity: Granularity): void;
  setParam(id: string, value: number): void;
  step(): void;
  back(): void;
  seek(cursor: number): void;
  reset(): void;
  choose(key: string): void;
  /** Replaces the run after the cursor with a seeded random one; the cursor goes to its end. */
  randomize(seed?: number): void;
  loadSchedule(schedule: readonly string[], cursor: number): void;
  /**
   * Replaces the pinned run by `schedule` (cursor at `cursor`) when it is still `from`, without
   * an undo entry (a better answer to the same question); returns whether it did.
   */
  replaceRun(from: readonly string[], schedule: readonly string[], cursor: number): boolean;
  loadShared(state: ShareState): void;
  /** Switches to the fix and parameters the pinned run was made under (it replays whole). */
  followPinned(): void;
  /** Restores the pinned run that the last replacement (e.g. Find the race) discarded. */
  undo(): void;
}

export interface ExplorationSlice {
  explore: {
    status: ExploreStatus;
    /** One configuration (Find the race), every fix's configuration, or fix verdict sweeps. */
    mode: 'one' | 'all' | 'sweep';
    /** Config key the running or last exploration was for. */
    key: string | null;
    progress: string;
    error: string | null;
  };
  /** Results per config key (see `configKey`), so switching fixes keeps earlier answers. */
  results: Record<string, ExploreSummary>;
  /** Races found before the counts, per config key (Find the race answers these first). */
  races: Record<string, RaceFound>;
  exploreStarted(mode: 'one' | 'all' | 'sweep', key: string): void;
  exploreResult(key: string, summary: ExploreSummary, progress: string): void;
  raceFound(key: string, race: RaceFound): void;
  /** What the running exploration is doing, for people. */
  exploreProgress(progress: string): void;
  exploreEnded(status: 'done' | 'cancelled' | 'error', error?: string): void;
}

export interface UiSlice {
  helpOpen: boolean;
  playing: boolean;
  /** Steps per second while playing. */
  speed: number;
  notices: Notice[];
  /** The compare view: the fix drawn beside the current one, or null when it is closed. */
  compareFix: string | null;
  /** Presentation mode: the diagram fills the screen, revealed step by step. */
  presenting: boolean;
  /** Presentation mode shows the presenter's notes (the step's note). */
  presenterNotes: boolean;
  /** Earlier sessions kept by autosave that the app offers to restore, newest first. */
  restoreOffer: SavedSession[];
  setRestoreOffer(offer: SavedSession[]): void;
  setPresenting(on: boolean): void;
  togglePresenterNotes(): void;
  setHelp(open: boolean): void;
  setPlaying(playing: boolean): void;
  setSpeed(speed: number): void;
  notify(kind: Notice['kind'], text: string, link?: string): void;
  dismiss(id: number): void;
  /** Opens the compare view with `fix` on the left (null closes it). */
  setCompare(fix: string | null): void;
  /** Opens the compare view (no fix on the left) or closes it. */
  toggleCompare(): void;
}

export interface VerdictSlice {
  /** Fix verdicts judged live by the worker, by `verdictKey` (committed ones are not copied here). */
  sweeps: Record<string, VerdictSummary>;
  sweepResult(key: string, summary: VerdictSummary, progress: string): void;
  sweepProgress(progress: string): void;
  /**
   * Opens the current scenario with `change` (fix, parameters, granularity) and `schedule`
   * pinned under it, continued to the end of its run, with the cursor on the schedule's last
   * step. The run it replaces goes to the undo history.
   */
  openConfiguration(
    change: Partial<Pick<SessionConfig, 'fix' | 'granularity' | 'params'>>,
    schedule: readonly string[],
  ): void;
}

/** The model editor: whether it is open, the text being written and its last check. */
export interface EditorState {
  readonly open: boolean;
  readonly draft: string;
  /** The errors of the last text checked (empty when it compiled). */
  readonly errors: readonly AuthoringError[];
  /** The text the errors are for ('' before the first check). */
  readonly checked: string;
}

export interface AuthoredSlice {
  /** The last authored model opened (registered under `id`), with its YAML text. */
  authored: { readonly id: string; readonly text: string } | null;
  editor: EditorState;
  openEditor(draft: string): void;
  closeEditor(): void;
  setDraft(draft: string): void;
  /** Records the errors of checking `text` (ignored when the draft has changed since). */
  draftChecked(text: string, errors: readonly AuthoringError[]): void;
  /**
   * Opens the registered authored model `id` (with YAML `text`) in place of the scenario on
   * screen, keeping the fix and the parameters it still has.
   */
  openAuthored(id: string, text: string): void;
}

export type AppState = SessionSlice & ExplorationSlice & UiSlice & VerdictSlice & AuthoredSlice;
