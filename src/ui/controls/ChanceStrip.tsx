/**
 * The point-of-no-return strip under the timeline: after each step of the pinned run, the chance
 * that a random continuation ends in harm (from the explorer's rule), with the step after which
 * harm is certain marked, and the chance at the cursor as a read-out. Comparing, it is the
 * right side's (the current fix), and says so.
 */
import { useEffect, useState } from 'react';
import { useAppStore } from '../../store/index';
import { knownChances, requestChances, type Chances } from '../explore/chanceClient';
import { useConfig, useCursor, useScenario, useTrace } from '../hooks';

/** Returns a chance as a short percentage. */
export function percent(p: number): string {
  if (p === 0 || p === 1) return `${p * 100}%`;
  return p < 0.01 ? `${(p * 100).toPrecision(2)}%` : `${Math.round(p * 100)}%`;
}

/** Returns the sentence read out for the chance at `cursor`. Pure. */
export function chanceSentence(answer: Chances, cursor: number): string {
  const { chances, pointOfNoReturn: point } = answer;
  if (!chances) return 'Too many states to compute the chance of harm along this run.';
  const here = chances[Math.min(cursor, chances.length - 1)] ?? 0;
  const where = cursor === 0 ? 'At the start' : `After step ${cursor}`;
  const head = `${where}, ${percent(here)} of random continuations end in harm.`;
  if (point === null) return `${head} Harm never becomes certain along this run.`;
  return point === 0
    ? `${head} Harm is certain from the start.`
    : `${head} Point of no return: after step ${point}, harm is certain.`;
}

const WIDTH = 1000;
const HEIGHT = 10;

/**
 * Returns the area of the chances across the strip's width: chance i fills a cell centred on
 * the timeline's position i (of `steps`). Pure.
 */
export function chancePath(chances: readonly number[], steps: number): string {
  if (chances.length === 0 || steps === 0) return '';
  const edge = (i: number) => Math.min(WIDTH, ((i + 0.5) / steps) * WIDTH).toFixed(1);
  const y = (c: number) => (HEIGHT - c * HEIGHT).toFixed(2);
  let d = `M0 ${HEIGHT}`;
  chances.forEach((c, i) => {
    d += ` V${y(c)} H${i === chances.length - 1 ? WIDTH : edge(i)}`;
  });
  return `${d} V${HEIGHT} Z`;
}

/** Returns the strip, or nothing while the scenario has no harm or the run is empty. */
export function ChanceStrip() {
  const scenario = useScenario();
  const config = useConfig();
  const trace = useTrace();
  const { cursor, length } = useCursor();
  const schedule = trace.schedule;
  const wanted = scenario.harm.length > 0 && length > 0;
  const comparing = useAppStore((s) => s.compareFix !== null);
  const fixLabel = scenario.fixes.find((f) => f.id === config.fix)?.label ?? config.fix;
  const [answer, setAnswer] = useState<{ key: string; value: Chances } | null>(null);
  const key = `${config.scenarioId}|${config.fix}|${config.granularity}|${JSON.stringify(config.params)}|${schedule.join(',')}`;
  useEffect(() => {
    if (!wanted || knownChances(config, schedule)) return;
    // Wait until the run stops changing (stepping, playing) before searching.
    const timer = window.setTimeout(
      () => requestChances(config, schedule, (value) => setAnswer({ key, value })),
      250,
    );
    return () => window.clearTimeout(timer);
  }, [key, wanted, config, schedule]);
  if (!wanted) return null;
  const value = answer?.key === key ? answer.value : knownChances(config, schedule);
  const chances = value?.chances ?? null;
  const point = value?.pointOfNoReturn ?? null;
  const said = value ? chanceSentence(value, cursor) : 'Computing the chance of harm…';
  const sentence = comparing ? `Right side, ${fixLabel}: ${said}` : said;
  return (
    <div className="chance" data-testid="chance-strip" data-state={value ? 'ready' : 'computing'}>
      <svg
        className="chance-svg"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        preserveAspectRatio="none"
        role="img"
        aria-label={sentence}
      >
        <title>{sentence}</title>
        <rect className="chance-bg" x={0} y={0} width={WIDTH} height={HEIGHT} />
        {chances && <path className="chance-area" d={chancePath(chances, length)} />}
        {point !== null && point > 0 && (
          <line
            className="chance-point"
            data-testid="chance-point"
            x1={(point / length) * WIDTH}
            x2={(point / length) * WIDTH}
            y1={0}
            y2={HEIGHT}
          />
        )}
      </svg>
      <span className="chance-readout" data-testid="chance-readout" title={sentence}>
        {chances
          ? `${percent(chances[Math.min(cursor, chances.length - 1)] ?? 0)} harm${comparing ? ' · right' : ''}`
          : '…'}
      </span>
    </div>
  );
}
