/**
 * The size of the pinned run's diagram with every step shown: the presentation and the embed
 * view fit their diagram to it, so the steps they reveal one by one fill the view downwards
 * and the scale never changes on the way.
 */
import { useMemo } from 'react';
import { divergenceInput } from '../../viz/divergence';
import { layoutDiagram } from '../../viz/layout';
import { metricsOf } from '../../viz/metrics';
import { withNotes } from '../../viz/notes';
import { useDivergence, useModel, useScenario, useTrace } from '../hooks';
import type { Size } from './useDiagramZoom';

const NONE: readonly never[] = [];

/** The whole run's size, and the top of the band under its last step (its cursor line). */
export interface WholeRun extends Size {
  readonly bandTop: number;
}

/**
 * Returns the size of the whole run's diagram, with the run's step `notes` (`phone`: in a
 * phone's narrow lanes, see `phoneMetrics`).
 */
export function useWholeRunSize(notes: Readonly<Record<string, string>>, phone = false): WholeRun {
  const scenario = useScenario();
  const model = useModel();
  const trace = useTrace();
  const story = useDivergence();
  return useMemo(() => {
    const divergence = story ? divergenceInput(story) : null;
    const cursor = trace.records.length;
    const all = { scenario, model, trace, cursor, enabled: NONE, divergence };
    const metrics = metricsOf(model.actors, phone);
    const { width, height, band } = withNotes(layoutDiagram({ ...all, metrics }), notes);
    return { width, height, bandTop: band.top };
  }, [scenario, model, trace, story, notes, phone]);
}
