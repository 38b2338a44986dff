/**
 * The collapsible "Model" section: the scenario's numeric parameters as number inputs.
 */
import { useState } from 'react';
import type { ParamDef } from '../../scenarios/types';
import { useAppStore } from '../../store/index';
import { useScenario } from '../hooks';

function ParamInput({ def, value }: { def: ParamDef; value: number }) {
  const setParam = useAppStore((s) => s.setParam);
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft === null) return;
    const n = Math.round(Number(draft));
    setDraft(null);
    if (draft.trim() !== '' && Number.isFinite(n) && n !== value) {
      setParam(def.id, Math.max(def.min, Math.min(def.max, n)));
    }
  };
  return (
    <label className="param">
      <span>{def.label}</span>
      <input
        type="number"
        min={def.min}
        max={def.max}
        step={1}
        value={draft ?? String(value)}
        data-testid={`param-${def.id}`}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
      />
    </label>
  );
}

/** Returns the Model section (hidden when the scenario has no parameters). */
export function ModelParams() {
  const scenario = useScenario();
  const params = useAppStore((s) => s.params);
  if (scenario.params.length === 0) return null;
  return (
    <details className="card model-params">
      <summary className="card-title">Model</summary>
      <div className="params">
        {scenario.params.map((def) => (
          <ParamInput key={def.id} def={def} value={params[def.id] ?? def.defaultValue} />
        ))}
      </div>
    </details>
  );
}
