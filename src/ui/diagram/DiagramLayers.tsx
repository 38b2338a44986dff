/**
 * The layers of the diagram in drawing order (bottom to top), shared by the interactive
 * diagram and the static export.
 */
import type { DiagramLayout } from '../../viz/types';
import { Arrows, Marks } from './Arrows';
import { CursorLine } from './CursorBand';
import { DivergenceMarker } from './Divergence';
import { Ghosts, type Choose } from './Ghosts';
import { LifelineLines } from './Lifelines';
import { RowBands } from './Rows';
import { StepNotes } from './StepNotes';
import { TimerSpans } from './TimerSpans';
import { ViolationBands, ViolationNotes } from './Violations';

interface DiagramLayersProps {
  layout: DiagramLayout;
  onSeek(cursor: number): void;
  onChoose: Choose;
}

/**
 * Returns rows, violations, lifelines, timer spans, arrows, marks, the cursor band, ghosts,
 * violation notes, the divergence marker and the step notes.
 */
export function DiagramLayers({ layout, onSeek, onChoose }: DiagramLayersProps) {
  return (
    <>
      <RowBands layout={layout} onSeek={onSeek} />
      <ViolationBands layout={layout} />
      <LifelineLines layout={layout} />
      <TimerSpans layout={layout} />
      <Arrows layout={layout} />
      <Marks layout={layout} />
      <CursorLine layout={layout} />
      <Ghosts layout={layout} onChoose={onChoose} />
      <ViolationNotes layout={layout} />
      <DivergenceMarker layout={layout} />
      <StepNotes layout={layout} />
    </>
  );
}
