/**
 * Pure sequence diagram layout (no React, no DOM): see `layoutDiagram`.
 */
export { layoutDiagram, type DiagramInput } from './layout';
export { visibleLayout, shouldCull, CULL_THRESHOLD } from './cull';
export { METRICS, defaultMetrics, metricsFor, phoneMetrics, type DiagramMetrics } from './metrics';
export { alignRows, type RowAlignment } from './base';
export { sharedLifelineOrder } from './order';
export { messageLabel, safeKey, stepAriaLabel } from './labels';
export { withNotes, NOTE_COLUMN, NOTE_LINE } from './notes';
export type * from './types';
