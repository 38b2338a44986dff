/**
 * Seed + Randomize: the rest of the schedule (after the cursor) becomes a seeded random run.
 * The seed is visible and editable; the same seed gives the same run.
 */
import { useState } from 'react';
import { useAppStore } from '../../store/index';

/** Returns the seed input and the Randomize button. */
export function SeedControl() {
  const seed = useAppStore((s) => s.seed);
  const randomize = useAppStore((s) => s.randomize);
  const [draft, setDraft] = useState<string | null>(null);
  const apply = () => {
    if (draft === null) return;
    const value = Number(draft);
    setDraft(null);
    if (Number.isInteger(value) && value >= 0 && value <= 0xffff_ffff) randomize(value);
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
          onBlur={apply}
          onKeyDown={(e) => {
            if (e.key === 'Enter') apply();
          }}
        />
      </label>
      <button
        type="button"
        className="btn"
        data-testid="randomize"
        onClick={() => randomize()}
        title="Randomize the rest of the schedule with a new seed (R)"
      >
        Randomize
      </button>
    </div>
  );
}
