/**
 * The small toolbar over the diagram: fit the diagram to the view.
 */
import { FONT, PALETTE } from './palette';

const BUTTON = {
  font: `600 12px ${FONT}`,
  color: PALETTE.text,
  background: '#ffffffee',
  border: `1px solid ${PALETTE.lifeline}`,
  borderRadius: 6,
  padding: '4px 10px',
  cursor: 'pointer',
} as const;

/** Height (px) of the strip the zoom buttons take over the bottom of the diagram. */
export const ZOOM_BUTTONS = 40;

interface ZoomControlsProps {
  onFit(): void;
  onActualSize(): void;
}

/** Returns the zoom buttons (fit, 100%), placed over the bottom-right corner of the diagram. */
export function ZoomControls({ onFit, onActualSize }: ZoomControlsProps) {
  return (
    <div style={{ position: 'absolute', right: 8, bottom: 8, display: 'flex', gap: 6 }}>
      <span
        className="zoom-hint"
        style={{ font: `12px ${FONT}`, color: PALETTE.subtle, alignSelf: 'center' }}
      >
        scroll to pan · Ctrl+scroll to zoom
      </span>
      <button
        type="button"
        data-testid="diagram-fit"
        style={BUTTON}
        onClick={onFit}
        title="Fit the diagram to the view"
      >
        Fit
      </button>
      <button
        type="button"
        data-testid="diagram-actual-size"
        style={BUTTON}
        onClick={onActualSize}
        title="Show the diagram at 100%"
      >
        100%
      </button>
    </div>
  );
}
