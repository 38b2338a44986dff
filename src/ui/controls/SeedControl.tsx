/**
 * Seed + Randomize: the rest of the schedule (after the cursor) becomes a seeded random run.
 * The seed is visible and editable; the same seed gives the same run. A typed seed is the one
 * Randomize uses (Enter, leaving the field or the button); the button with no typed seed
 * draws a new one.
 */
import { useRef, useState } from 'react';
import { useAppStore } from '../../store/index';

/** Returns the seed input and the Randomize button. */
export function SeedControl() {
  const seed = useAppStore((s) => s.seed);
  const randomize = useAppStore((s) => s.randomize);
  const [draft, setDraft] = useState<string | null>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  /** Randomizes with the typed seed; returns false when none (or no valid one) was typed. */
  const apply = (): boolean => {
    if (draft === null) return false;
    const value = Number(draft);
    setDraft(null);
    if (draft === '' || !Number.isInteger(value) || value < 0 || value > 0xffff_ffff) return false;
    randomize(value);
    return true;
  };
  return (
    <div className="control-group seed">
      <label className="seed-label">
        Seed
        <input
          type="text"
          inputMode="numeric"
          value={draft ?? String(seed)}
          data-testid="seed"
          aria-label="Seed"
          onChange={(e) => setDraft(e.target.value.replace(/\D/g, '').slice(0, 10))}
          onBlur={(e) => {
            // Leaving the field for Randomize: the button uses the typed seed itself.
            if (e.relatedTarget !== buttonRef.current) apply();
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') apply();
          }}
        />
      </label>
      <button
        type="button"
        className="btn"
        data-testid="randomize"
        ref={buttonRef}
        onClick={() => {
          if (!apply()) randomize();
        }}
        title="Randomize the rest of the schedule: with the seed you typed, else a new one (R)"
      >
        Randomize
      </button>
    </div>
  );
}
