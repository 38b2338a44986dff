/**
 * The key to the diagram's arrows: solid a call, dashed its reply, a call and its reply taken
 * in one step level one above the other, dotted a message still in flight, slanted one that
 * waited (delivered steps after it was sent), blue dashed what can happen next.
 */

const ITEMS: readonly (readonly [string, string, string | undefined, number])[] = [
  ['request', 'call', undefined, 0],
  ['reply', 'reply', '5 4', 0],
  ['roundtrip', 'call + reply in one step (level)', undefined, 0],
  ['pending', 'in flight', '2 4', 0],
  ['waited', 'waited (slanted)', undefined, 8],
  ['ghost', 'can happen next', '7 5', 0],
];

/** A call over its dashed reply, both level: one exchange. */
function RoundTrip() {
  return (
    <svg width="30" height="12" viewBox="0 0 30 12" aria-hidden="true">
      <line x1="2" y1="3" x2="24" y2="3" stroke="currentColor" strokeWidth="1.8" />
      <path d="M 28 3 l -6 -3 v 6 z" fill="currentColor" />
      <line
        x1="28"
        y1="9.5"
        x2="6"
        y2="9.5"
        stroke="currentColor"
        strokeOpacity="0.65"
        strokeWidth="1.4"
        strokeDasharray="4 3"
      />
      <path d="M 2 9.5 l 6 -2.5 v 5 z" fill="currentColor" fillOpacity="0.65" />
    </svg>
  );
}

/** Returns the legend line. */
export function DiagramLegend() {
  return (
    <ul className="diagram-legend" aria-label="Legend" data-testid="diagram-legend">
      {ITEMS.map(([kind, label, dash, slant]) => (
        <li key={kind} className={`legend-${kind}`}>
          {kind === 'roundtrip' ? (
            <RoundTrip />
          ) : (
            <svg width="30" height="12" viewBox="0 0 30 12" aria-hidden="true">
              <line
                x1="2"
                y1={6 - slant / 2}
                x2="24"
                y2={6 + slant / 2}
                stroke="currentColor"
                strokeWidth="1.8"
                strokeDasharray={dash}
              />
              <path d={`M 28 ${6 + slant / 2} l -6 -3.5 v 7 z`} fill="currentColor" />
            </svg>
          )}
          {label}
        </li>
      ))}
    </ul>
  );
}
