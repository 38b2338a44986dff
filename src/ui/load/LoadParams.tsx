/**
 * The Load lab's inputs: seed and every parameter of the scenario (range-checked), with Run
 * and Cancel. Values outside a parameter's range are not applied, and the field says so.
 */
import type { LoadScenarioDef } from '../../scenarios/load/types';
import type { LoadLinkState } from '../../share/loadLink';

/** Returns the parameter form. */
export function LoadParams({
  scenario,
  state,
  running,
  onChange,
  onRun,
  onCancel,
}: {
  scenario: LoadScenarioDef;
  state: LoadLinkState;
  running: boolean;
  onChange: (state: LoadLinkState) => void;
  onRun: () => void;
  onCancel: () => void;
}) {
  const setParam = (id: string, text: string, min: number, max: number) => {
    const value = Number(text);
    if (!Number.isInteger(value) || value < min || value > max) return;
    onChange({ ...state, params: { ...state.params, [id]: value } });
  };
  return (
    <form
      className="load-params"
      onSubmit={(e) => {
        e.preventDefault();
        onRun();
      }}
    >
      <label className="load-field">
        <span>Seed</span>
        <input
          type="number"
          min={0}
          max={4294967295}
          step={1}
          value={state.seed}
          data-testid="load-seed"
          onChange={(e) => {
            const seed = Number(e.target.value);
            if (Number.isInteger(seed) && seed >= 0 && seed <= 0xffff_ffff)
              onChange({ ...state, seed });
          }}
        />
      </label>
      {scenario.params.map((p) => (
        <label key={p.id} className="load-field" title={`${p.min}–${p.max}`}>
          <span>{p.label}</span>
          <input
            type="number"
            min={p.min}
            max={p.max}
            step={1}
            value={state.params[p.id] ?? p.defaultValue}
            data-testid={`load-param-${p.id}`}
            onChange={(e) => setParam(p.id, e.target.value, p.min, p.max)}
          />
        </label>
      ))}
      <div className="load-actions">
        <button type="submit" className="btn btn-primary" data-testid="load-run" disabled={running}>
          Run every fix
        </button>
        <button
          type="button"
          className="btn"
          data-testid="load-cancel"
          disabled={!running}
          onClick={onCancel}
        >
          Cancel
        </button>
      </div>
    </form>
  );
}
