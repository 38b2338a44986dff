/**
 * The shapes a sequence diagram layout produces: plain numbers, strings and path strings that
 * any renderer (React SVG, an exporter) can draw without further computation. Pure data.
 */
import type { ActorRole } from '../engine/types';

/** One actor's vertical line, with its header at the top. */
export interface Lifeline {
  readonly id: string;
  readonly label: string;
  readonly role: ActorRole;
  readonly x: number;
  /** The label as the header shows it: one or two lines, never cut, at `fontSize` px. */
  readonly lines: readonly string[];
  readonly fontSize: number;
}

/** One horizontal row: row 0 is the initial world, row r > 0 is step r − 1. */
export interface Row {
  readonly row: number;
  /** Index of the step in the trace, or -1 for the initial world. */
  readonly step: number;
  /** Centre line of the row. */
  readonly y: number;
  readonly top: number;
  readonly height: number;
  /** Clock after the step, e.g. `t=4`. */
  readonly tick: string;
  /** Step number as shown, e.g. `#5`, or `start`. */
  readonly label: string;
  /** The step key taken in this row ('' for the initial row). */
  readonly key: string;
  /** After the cursor: part of the pinned schedule that has not happened yet. */
  readonly future: boolean;
}

export type ArrowKind = 'request' | 'reply' | 'lane';

/** A message drawn from where it was sent to where it was delivered (or dropped). */
export interface Arrow {
  readonly id: string;
  readonly kind: ArrowKind;
  readonly from: string;
  readonly to: string;
  readonly fromRow: number;
  readonly toRow: number;
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  /** The shaft, shortened so the head sits at the end. */
  readonly path: string;
  /** A closed triangle at the end; empty for dropped messages (they end in a cross). */
  readonly head: string;
  /** For dropped messages: the cross drawn where the message was lost. */
  readonly cross: string;
  readonly label: string;
  readonly labelX: number;
  readonly labelY: number;
  /** Full sentence for a tooltip. */
  readonly title: string;
  /** Delivered in a step where an invariant broke. */
  readonly stale: boolean;
  readonly dropped: boolean;
  /** Still in flight at the cursor and never delivered in this trace: drawn up to the cursor. */
  readonly pending: boolean;
  readonly future: boolean;
}

export type MarkKind = 'timer' | 'fault';

/** A glyph on a lifeline: a timer expiry (clock) or an injected fault (lightning). */
export interface Mark {
  readonly id: string;
  readonly kind: MarkKind;
  readonly row: number;
  readonly actor: string;
  readonly x: number;
  readonly y: number;
  readonly glyph: string;
  readonly label: string;
  /** The label's text starts 6 px right of `labelX`, its baseline at `labelY`. */
  readonly labelX: number;
  readonly labelY: number;
  readonly title: string;
  readonly future: boolean;
}

/** A timer's life beside its owner's lifeline: set at `fromRow`, fired or gone at `toRow`. */
export interface TimerSpan {
  readonly id: string;
  readonly actor: string;
  readonly fromRow: number;
  readonly toRow: number;
  readonly x: number;
  readonly y1: number;
  readonly y2: number;
  /** e.g. `second-delete 3t` (name and delay in ticks), starting at `labelX`, baseline `labelY`. */
  readonly label: string;
  readonly labelX: number;
  readonly labelY: number;
  readonly title: string;
  /** False when it was cancelled or has not fired by the end of the trace. */
  readonly fired: boolean;
  /** Set after the cursor. */
  readonly future: boolean;
}

/**
 * A step where an invariant broke: a band across the row and a note in the margin, red when
 * it is one of the scenario's harms, calm when only diagnostics fired.
 */
export interface ViolationMark {
  readonly row: number;
  readonly y: number;
  readonly top: number;
  readonly height: number;
  /** The note, wrapped into short lines, placed at `noteX`, first baseline `noteY`. */
  readonly lines: readonly string[];
  readonly noteX: number;
  readonly noteY: number;
  /** All violation messages of the step, for a tooltip. */
  readonly title: string;
  /** Some violation of the step is a harm; else all are diagnostics. */
  readonly harm: boolean;
  readonly future: boolean;
}

export type GhostKind = 'deliver' | 'timer' | 'fault' | 'drop';

/** An enabled step drawn as a dashed arrow (or glyph) below the cursor; clicking takes it. */
export interface Ghost {
  readonly key: string;
  /** `key` made safe for a `data-testid` attribute. */
  readonly testKey: string;
  readonly kind: GhostKind;
  readonly x1: number;
  readonly x2: number;
  readonly y: number;
  readonly path: string;
  readonly head: string;
  readonly glyph: string;
  readonly label: string;
  /** Centre (arrow) or start (glyph) of the label, and its baseline. */
  readonly labelX: number;
  readonly labelY: number;
  readonly ariaLabel: string;
  /** Clickable area. */
  readonly hit: {
    readonly x: number;
    readonly y: number;
    readonly width: number;
    readonly height: number;
  };
}

/**
 * Where the replay of the pinned run stops under the configuration on screen: a marker row
 * after the last step that could be taken, with the reason.
 */
export interface DivergenceMark {
  /** Number of the pinned step that cannot be taken (as shown, 1-based). */
  readonly step: number;
  readonly pinnedSteps: number;
  readonly top: number;
  readonly height: number;
  readonly x: number;
  readonly width: number;
  /** Where the text starts; `lines[0]` has its baseline at `textY`, one line every 16 px. */
  readonly textX: number;
  readonly textY: number;
  /** How many of `lines` are the headline (drawn bold). */
  readonly headlineLines: number;
  readonly lines: readonly string[];
  readonly title: string;
}

/** A step's note (plain text) in the column right of the lifelines, level with its row. */
export interface NoteMark {
  /** Step number, 1-based (its row). */
  readonly step: number;
  readonly x: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
  /** Baseline of the first line; one line every `NOTE_LINE` px. */
  readonly textY: number;
  /** The note wrapped to fit its row (ending in … when cut); `text` is all of it. */
  readonly lines: readonly string[];
  readonly text: string;
  readonly future: boolean;
}

/** Everything needed to draw the diagram. */
export interface DiagramLayout {
  readonly width: number;
  readonly height: number;
  readonly headerHeight: number;
  /** Left and right ends of the row bands (the lifeline area plus gutters). */
  readonly left: number;
  readonly right: number;
  readonly rowHeight: number;
  /** Distance between two lifelines. */
  readonly columnWidth: number;
  readonly lifelines: readonly Lifeline[];
  readonly rows: readonly Row[];
  readonly arrows: readonly Arrow[];
  readonly marks: readonly Mark[];
  readonly timers: readonly TimerSpan[];
  readonly violations: readonly ViolationMark[];
  readonly cursor: { readonly row: number; readonly y: number };
  /** The cursor is at the end of a run where nothing else can happen. */
  readonly finished: boolean;
  /** The band below the cursor holding the ghosts. */
  readonly band: { readonly top: number; readonly height: number };
  readonly ghosts: readonly Ghost[];
  /** Where the pinned run stops when it cannot be followed to its end; null when it can. */
  readonly divergence: DivergenceMark | null;
  /** The run's step notes, when it has some (see `withNotes`). */
  readonly notes?: readonly NoteMark[];
}
