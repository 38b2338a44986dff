/**
 * The narrative: one plain-words line per step (the current one highlighted, the pinned
 * future faded, each step's note under it), a red summary naming the critical reordering when
 * an invariant breaks, the current step's note and the events that can happen next.
 */
import { useEffect, useRef } from 'react';
import { useAppStore } from '../../store/index';
import { useNarrative, useScenario, useShownCursor } from '../hooks';
import { DivergenceNote } from './DivergenceNote';
import { Figures } from './Figures';
import { FixedSummary } from './FixedSummary';
import { NextSteps } from './NextSteps';
import { NoteEditor } from './NoteEditor';
import { ViolationSummary } from './ViolationSummary';

/** Returns the narrative panel. */
export function NarrativePanel() {
  const lines = useNarrative();
  const scenario = useScenario();
  const cursor = useShownCursor();
  const seek = useAppStore((s) => s.seek);
  const notes = useAppStore((s) => s.annotations.notes);
  const listRef = useRef<HTMLOListElement>(null);

  // Keep the current step in view by scrolling the list only (never the page: on a phone,
  // where the page scrolls, that would pull the view away from the diagram): when the step
  // changes, and again when the list's box changes size (a summary above it that grows after
  // the step was shown would otherwise cut the step off at the bottom). On mount the observer's
  // first notice does it, after the frame's layout: reading the boxes in the mount's effects
  // would make the page lay out inside React's commit, in one long task with it.
  const mounted = useRef(false);
  useEffect(() => {
    const first = !mounted.current;
    mounted.current = true;
    if (first && typeof ResizeObserver !== 'undefined') return;
    keepCurrentInView(listRef.current);
  }, [cursor, lines]);
  useEffect(() => {
    const scroller = listRef.current?.parentElement;
    if (!scroller || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => keepCurrentInView(listRef.current));
    observer.observe(scroller);
    return () => observer.disconnect();
  }, []);

  return (
    <section className="card narrative" aria-label="What happened">
      <h2 className="card-title">What happened</h2>
      {/* Summaries scroll within their share of the panel: they never cover the steps. */}
      <div className="narrative-summaries" data-testid="narrative-summaries">
        <DivergenceNote />
        <ViolationSummary />
        <FixedSummary />
        <Figures />
      </div>
      {lines.length === 0 && (
        <div className="hint" data-testid="hint">
          <p className="hint-story">{scenario.story}</p>
          <p>
            Press <kbd>Step</kbd> or pick what happens next below; each choice is one possible order
            of events. Or press <strong>Find the race</strong> to search every order for a failing
            one.
          </p>
        </div>
      )}
      <div className="narrative-scroll">
        <ol className="narrative-list" ref={listRef} data-testid="narrative">
          <li className={cursor === 0 ? 'narrative-item is-current' : 'narrative-item'}>
            <button type="button" onClick={() => seek(0)}>
              <span className="narrative-n">0</span>
              <span>Start: nothing has happened yet.</span>
            </button>
          </li>
          {lines.map((line, i) => {
            const state = i + 1 === cursor ? ' is-current' : i >= cursor ? ' is-future' : '';
            return (
              <li key={i} className={`narrative-item${state}`} data-testid={`narrative-${i + 1}`}>
                <button type="button" onClick={() => seek(i + 1)}>
                  <span className="narrative-n">{i + 1}</span>
                  <span>
                    {line}
                    {notes[String(i + 1)] && (
                      <span className="narrative-note" data-testid={`narrative-note-${i + 1}`}>
                        {notes[String(i + 1)]}
                      </span>
                    )}
                  </span>
                </button>
              </li>
            );
          })}
        </ol>
      </div>
      <NoteEditor />
      <NextSteps />
    </section>
  );
}

/** Scrolls the list's scroller (its parent) just enough to show its current step whole. */
function keepCurrentInView(list: HTMLOListElement | null) {
  const scroller = list?.parentElement;
  const current = list?.querySelector('.is-current');
  if (!scroller || !current) return;
  const box = scroller.getBoundingClientRect();
  const item = current.getBoundingClientRect();
  if (item.top < box.top) scroller.scrollTop -= box.top - item.top;
  else if (item.bottom > box.bottom) scroller.scrollTop += item.bottom - box.bottom;
}
