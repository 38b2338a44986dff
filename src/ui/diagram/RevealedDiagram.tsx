/**
 * The pinned run revealed up to the cursor, read-only (no ghosts, no seeking from the diagram),
 * fitted to the whole run so the steps revealed fill the view downwards and the scale never
 * changes on the way: the presentation's and the embed view's diagram.
 */
import { useMemo } from 'react';
import type { DivergenceInput } from '../../viz/divergence';
import { useModel, useRevealedRun, useScenario } from '../hooks';
import { SequenceDiagram } from './SequenceDiagram';
import { LINE_ROOM } from './useDiagramZoom';
import { useWholeRunSize } from './useWholeRunSize';

const ignore = (): void => undefined;
const NONE: readonly never[] = [];

interface RevealedDiagramProps {
  /** Accessible title of the svg. */
  title: string;
  /** The run's step notes (1-based step number → plain text). */
  notes: Readonly<Record<string, string>>;
  /** The marker where the pinned run stops early, when the cursor is there. */
  divergence?: DivergenceInput | null;
  /**
   * Presenting: large type, fitted to the whole run down to the cursor line under its last
   * step (the empty band below may fall off the bottom).
   */
  large?: boolean;
  /** A phone's narrow lanes, at a scale where the text is read (see SequenceDiagram). */
  phone?: boolean;
}

/** Returns the diagram of the pinned run revealed up to the cursor. */
export function RevealedDiagram({ title, notes, divergence, large, phone }: RevealedDiagramProps) {
  const scenario = useScenario();
  const model = useModel();
  const { cursor, shown } = useRevealedRun();
  const run = useWholeRunSize(notes, phone);
  const whole = useMemo(
    () => ({ width: run.width, height: large ? run.bandTop + LINE_ROOM : run.height }),
    [run.width, run.height, run.bandTop, large],
  );
  return (
    <SequenceDiagram
      scenario={scenario}
      model={model}
      trace={shown}
      cursor={cursor}
      enabled={NONE}
      divergence={divergence ?? null}
      onChoose={ignore}
      onSeek={ignore}
      title={title}
      notes={notes}
      large={large === true}
      phone={phone === true}
      fitTo={whole}
    />
  );
}
