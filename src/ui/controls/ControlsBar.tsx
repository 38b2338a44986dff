/**
 * The controls bar: reset, back, step, play/pause with speed, the timeline, granularity,
 * seed + randomize, Find the race and Undo (restores a run that was replaced).
 */
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../store/index';
import { useCursor, useEnabled } from '../hooks';
import { FindRaceButton } from './FindRaceButton';
import { GranularitySwitch } from './GranularitySwitch';
import { SeedControl } from './SeedControl';
import { Timeline } from './Timeline';
import { UndoButton } from './UndoButton';
import { useSecondFrame } from '../layout/useSecondFrame';

const SPEEDS = [0.5, 1, 2, 4, 8];

/**
 * Returns the controls bar. With `deferred` (the wide layout), the bar's content is mounted a
 * frame after the page's first (`useSecondFrame`): the first frame lays out the diagram.
 */
export function ControlsBar({ deferred = false }: { readonly deferred?: boolean }) {
  const s = useAppStore(
    useShallow((s) => ({
      playing: s.playing,
      speed: s.speed,
      step: s.step,
      back: s.back,
      reset: s.reset,
      setPlaying: s.setPlaying,
      setSpeed: s.setSpeed,
    })),
  );
  const { cursor, length } = useCursor();
  const enabled = useEnabled();
  const canStep = cursor < length || enabled.length > 0;
  const shown = useSecondFrame() || !deferred;
  return (
    <footer className="controls" aria-label="Controls">
      {shown && (
        <>
          <div className="control-group">
            <button
              type="button"
              className="btn"
              data-testid="reset"
              onClick={s.reset}
              title="Start over with an empty schedule"
            >
              ⟲ Reset
            </button>
            <button
              type="button"
              className="btn"
              data-testid="back"
              onClick={s.back}
              disabled={cursor === 0}
              title="Step back (←)"
            >
              ◀ Back
            </button>
            <button
              type="button"
              className="btn btn-strong"
              data-testid="step"
              onClick={s.step}
              disabled={!canStep}
              title="Step forward (→)"
            >
              Step ▶
            </button>
            <button
              type="button"
              className="btn"
              data-testid="play"
              aria-pressed={s.playing}
              onClick={() => s.setPlaying(!s.playing)}
              disabled={!canStep && !s.playing}
              title="Play / pause (Space)"
            >
              {s.playing ? '❚❚ Pause' : '▶ Play'}
            </button>
            <label className="speed" title="Playback speed">
              <span className="sr-only">Speed</span>
              <select
                value={s.speed}
                onChange={(e) => s.setSpeed(Number(e.target.value))}
                data-testid="speed"
              >
                {SPEEDS.map((v) => (
                  <option key={v} value={v}>
                    {v}×
                  </option>
                ))}
              </select>
            </label>
          </div>
          <Timeline />
          <GranularitySwitch />
          <SeedControl />
          <FindRaceButton />
          <UndoButton />
        </>
      )}
    </footer>
  );
}
