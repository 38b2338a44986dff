/**
 * The compare view: the one pinned schedule drawn twice, under a base fix (left) and the
 * current fix (right), rows aligned by step and one cursor; the step where the runs part is
 * outlined on both and told in each fix's own words. On a narrow screen one side shows at a
 * time, with a switch.
 */
import { useMemo, useState } from 'react';
import type { RunSide, RunSummary } from '../../scenarios/compare';
import { sideName } from '../../scenarios/compare';
import type { FixDef } from '../../scenarios/types';
import { selectComparison } from '../../store/comparison';
import { selectCompareFix, selectCursor, useAppStore } from '../../store/index';
import type { DivergenceInput } from '../../viz/divergence';
import { alignRows, defaultMetrics, sharedLifelineOrder } from '../../viz/index';
import { useScenario } from '../hooks';
import { CompareDiagram } from './CompareDiagram';

const capital = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

interface Verdict {
  readonly text: string;
  readonly tone: 'bad' | 'calm' | 'good';
  readonly title: string;
}

/**
 * The verdict of one run in a few words: red only for the scenario's harm; a diagnostic (the
 * race window opened, no harm done) in a calm colour, with how the fix defuses it if it says.
 */
function verdictOf(summary: RunSummary, fix: FixDef | undefined): Verdict {
  const stop = summary.stop ? ` · stops at step ${summary.stop.step + 1}` : '';
  const { harm, diagnostic } = summary;
  if (harm)
    return { text: `harm at step ${harm.step + 1}${stop}`, tone: 'bad', title: harm.message };
  if (diagnostic) {
    const defused = fix?.defuses?.[diagnostic.invariant];
    return {
      text: `no harm · diagnostic at step ${diagnostic.step + 1}${stop}`,
      tone: 'calm',
      title: defused ? `${diagnostic.message}: ${defused}` : diagnostic.message,
    };
  }
  return { text: `no invariant broken${stop}`, tone: 'good', title: '' };
}

const PILL = { bad: 'pill pill-bad', calm: 'pill', good: 'pill pill-good' } as const;

interface SideHeadProps {
  side: 'left' | 'right';
  run: RunSide;
  summary: RunSummary;
  shown: boolean;
}

function SideHead({ side, run, summary, shown }: SideHeadProps) {
  const scenario = useScenario();
  const setCompare = useAppStore((s) => s.setCompare);
  const setFix = useAppStore((s) => s.setFix);
  const verdict = verdictOf(
    summary,
    scenario.fixes.find((f) => f.id === run.fix.id),
  );
  const choose = side === 'left' ? setCompare : setFix;
  return (
    <div className="compare-side-head" data-side={side} data-shown={shown}>
      <label className="compare-fix">
        <span className="compare-fix-caption">{side === 'left' ? 'Left' : 'Right'}</span>
        <select
          value={run.fix.id}
          data-testid={`compare-fix-${side}`}
          onChange={(e) => choose(e.target.value)}
          aria-label={side === 'left' ? 'Fix on the left' : 'Fix on the right (the current fix)'}
        >
          {scenario.fixes.map((f) => (
            <option key={f.id} value={f.id}>
              {f.label}
            </option>
          ))}
        </select>
      </label>
      <span
        className={PILL[verdict.tone]}
        data-testid={`compare-verdict-${side}`}
        title={verdict.title || undefined}
      >
        {verdict.text}
      </span>
    </div>
  );
}

/** Returns the compare view (rendered while it is open). */
export function ComparePane() {
  const scenario = useScenario();
  const comparison = useAppStore(selectComparison);
  const baseFix = useAppStore(selectCompareFix);
  // The cursor shown: the pinned cursor within the part of the run the current fix replays
  // (stepping past where it stops pins a new run), the same as the controls show.
  const cursor = useAppStore(selectCursor);
  const pinnedSteps = useAppStore((s) => s.schedule.length);
  const seek = useAppStore((s) => s.seek);
  const toggle = useAppStore((s) => s.toggleCompare);
  // Which side a narrow screen shows (both show when there is room).
  const [narrowSide, setNarrowSide] = useState<'left' | 'right'>('right');
  const markers = useMemo(() => {
    const marker = (side: 'left' | 'right'): DivergenceInput | null => {
      const stop = comparison?.result[side].stop;
      const run = comparison?.[side];
      if (!stop || !run) return null;
      return {
        index: stop.step,
        pinnedSteps: pinnedSteps,
        headline: `${capital(sideName(run.fix))}, the run stops here: step ${stop.step + 1} is not possible.`,
        detail: `It would be: ${stop.blocked}.`,
        title: `${capital(stop.reason)}.`,
      };
    };
    return { left: marker('left'), right: marker('right') };
  }, [comparison, pinnedSteps]);
  // Rows aligned by step, and one lifeline order: an actor both sides have at the same x.
  const shared = useMemo(() => {
    if (!comparison) return null;
    const { left, right } = comparison;
    const order = sharedLifelineOrder([right.model, left.model]);
    const metrics = defaultMetrics(order.length);
    return { metrics, align: { ...alignRows([left, right], metrics, scenario.harm), order } };
  }, [comparison, scenario]);

  if (!comparison || !shared) {
    return (
      <section className="column card compare-card" aria-label="Compare fixes">
        <p className="compare-empty">
          The fix “{baseFix}” cannot be simulated with these parameters: nothing to compare.
        </p>
      </section>
    );
  }
  const { left, right, result } = comparison;
  const parted = result.decisive;
  const names = { left: sideName(left.fix), right: sideName(right.fix) };
  const sides = { left, right } as const;
  return (
    <section
      className="column card compare-card"
      aria-label="Compare fixes side by side"
      data-testid="compare-view"
    >
      <div className="compare-head">
        <h2 className="card-title">Side by side: one schedule, two fixes</h2>
        <div className="compare-switch" role="group" aria-label="Side shown">
          {(['left', 'right'] as const).map((side) => (
            <button
              key={side}
              type="button"
              className="btn btn-small"
              aria-pressed={narrowSide === side}
              onClick={() => setNarrowSide(side)}
            >
              {sides[side].fix.label}
            </button>
          ))}
        </div>
        <button
          type="button"
          className="btn btn-ghost"
          onClick={toggle}
          data-testid="compare-close"
        >
          Close ✕
        </button>
      </div>
      <div className="compare-summary" data-testid="compare-sentence" aria-live="polite">
        {parted ? (
          <>
            <p className="compare-where">
              <button
                type="button"
                className="link-button"
                onClick={() => seek(parted.step + 1)}
                title="Move the cursor just after this step"
              >
                Step {parted.step + 1}
              </button>{' '}
              is where the runs part:
            </p>
            <div className="compare-accounts">
              <p data-side="left">
                <strong>{capital(names.left)}:</strong> {parted.left}.
              </p>
              <p data-side="right">
                <strong>{capital(names.right)}:</strong> {parted.right}.
              </p>
            </div>
            {result.earlier ? (
              <p className="compare-earlier">Before that: {result.earlier.sentence}</p>
            ) : null}
          </>
        ) : (
          <p className="compare-where">{result.sentence}</p>
        )}
      </div>
      <div className="compare-heads" data-narrow-side={narrowSide}>
        <SideHead side="left" run={left} summary={result.left} shown={narrowSide === 'left'} />
        <SideHead side="right" run={right} summary={result.right} shown={narrowSide === 'right'} />
      </div>
      <div className="compare-scroll" data-narrow-side={narrowSide}>
        {(['left', 'right'] as const).map((side) => (
          <div
            key={side}
            className="compare-side"
            data-side={side}
            data-shown={narrowSide === side}
          >
            <CompareDiagram
              side={side}
              scenario={scenario}
              model={sides[side].model}
              trace={sides[side].trace}
              cursor={cursor}
              align={shared.align}
              metrics={shared.metrics}
              parted={parted ? parted.step : null}
              divergence={markers[side]}
              label={`Sequence diagram ${names[side]}`}
              onSeek={seek}
            />
          </div>
        ))}
      </div>
    </section>
  );
}
