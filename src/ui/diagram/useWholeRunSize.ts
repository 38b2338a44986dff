/**
 * The size of the pinned run's diagram with every step shown: the presentation and the embed
 * view fit their diagram to it, so the steps they reveal one by one fill the view downwards
 * and the scale never changes on the way.
 */
import { useMemo } from 'react';
import { divergenceInput } from '../../viz/divergence';
import { layoutDiagram } from '../../viz/layout';
import { withNotes } from '../../viz/notes';
import { useDivergence, useModel, useScenario, useTrace } from '../hooks';
import type { Size } from './useDiagramZoom';

const NONE: readonly never[] = [];

/** Returns the width and height of the whole run's diagram, with the run's step `notes`. */
export function useWholeRunSize(notes: Readonly<Record<string, string>>): Size {
  const scenario = useScenario();
  const model = useModel();
  const trace = useTrace();
  const story = useDivergence();
  return useMemo(() => {
    const divergence = story ? divergenceInput(story) : null;
    const cursor = trace.records.length;
    const all = { scenario, model, trace, cursor, enabled: NONE, divergence };
    const { width, height } = withNotes(layoutDiagram(all), notes);
    return { width, height };
  }, [scenario, model, trace, story, notes]);
}
