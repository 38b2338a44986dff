/**
 * Granularity: one step per client operation (request and reply together) or per message.
 */
import type { Granularity } from '../../engine/types';
import { useAppStore } from '../../store/index';

const OPTIONS: readonly { value: Granularity; label: string; hint: string }[] = [
  { value: 'operations', label: 'Operations', hint: 'A request and its reply are one step' },
  { value: 'messages', label: 'Messages', hint: 'Every message is its own step' },
];

/** Returns the segmented granularity switch. */
export function GranularitySwitch() {
  const granularity = useAppStore((s) => s.granularity);
  const setGranularity = useAppStore((s) => s.setGranularity);
  return (
    <div className="segmented" role="radiogroup" aria-label="Step by">
      {OPTIONS.map((o) => (
        <button
          key={o.value}
          type="button"
          role="radio"
          aria-checked={granularity === o.value}
          className={granularity === o.value ? 'segment is-on' : 'segment'}
          title={o.hint}
          data-testid={`granularity-${o.value}`}
          onClick={() => setGranularity(o.value)}
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}
