/**
 * Colours and type of the sequence diagram, applied as SVG presentation attributes so an
 * exported SVG carries its own look. Chosen to read on a projector.
 */
export const PALETTE = {
  background: '#ffffff',
  ink: '#0f172a',
  text: '#334155',
  subtle: '#64748b',
  request: '#1e293b',
  reply: '#7c8aa0',
  lane: '#7c3aed',
  stale: '#dc2626',
  staleText: '#b91c1c',
  staleBand: '#fee2e2',
  /** A diagnostic (the race window opened, no harm): calm slate, never red. */
  diagnostic: '#475569',
  diagnosticText: '#334155',
  diagnosticBand: '#e9eef5',
  ghost: '#2563eb',
  ghostBand: '#eff6ff',
  ghostHover: '#dbeafe',
  fault: '#ea580c',
  timer: '#0f766e',
  lifeline: '#cbd5e1',
  rowAlt: '#f8fafc',
  rowHover: '#f1f5f9',
  processFill: '#ffffff',
  processStroke: '#475569',
  serverFill: '#334155',
  serverText: '#ffffff',
  halo: '#ffffff',
  diverge: '#b45309',
  divergeText: '#78350f',
  divergeBand: '#fffbeb',
  /** A step's note (the presenter's annotation). */
  noteFill: '#fefce8',
  noteStroke: '#ca8a04',
  noteText: '#422006',
} as const;

/** The diagram's typeface: Inter, shipped with the app (ui/styles/fonts.css), then the system's. */
export const FONT =
  "'Inter Variable', system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

/** Opacity of steps after the cursor (the rest of the pinned schedule). */
export const FUTURE_OPACITY = 0.3;

/** Attributes that draw a white halo behind text so it stays legible over lines. */
export const HALO = {
  stroke: PALETTE.halo,
  strokeWidth: 4,
  strokeLinejoin: 'round',
  paintOrder: 'stroke',
} as const;
