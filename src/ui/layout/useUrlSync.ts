/**
 * Keeps the address bar's hash and the store in step. Opening a link loads its exact state,
 * compare view included (or says why it cannot and opens the default scenario); changes of
 * scenario, fix, loaded schedule (Find the race, Undo) or compare view push a history entry,
 * steps and notes replace it; back/forward reload the state of the entry, so Back after Find the race
 * restores the run it replaced.
 */
import { useEffect } from 'react';
import { DEFAULT_SCENARIO, findScenario } from '../../scenarios/index';
import { defaultFix } from '../../scenarios/session';
import { decodeLink, encodeShare, type EncodedLink } from '../../share/link';
import { selectCompareFix, selectPinnedTrace, useAppStore, type AppState } from '../../store/index';

/** The link of the state: the whole pinned run, written where it was pinned, and its notes. */
function linkOf(s: AppState): EncodedLink {
  const compare = selectCompareFix(s);
  const state = {
    scenarioId: s.scenarioId,
    fix: s.fix,
    granularity: s.granularity,
    params: s.params,
    seed: s.seed,
    schedule: s.schedule,
    cursor: s.cursor,
    pinned: s.pinnedUnder,
    ...(compare === null ? {} : { compare }),
    annotations: s.annotations,
  };
  return encodeShare(state, selectPinnedTrace(s).worlds);
}

const NOTES_TOO_LONG =
  'The notes make the link too long to share, so the link (and Copy link) carries the run without them. Shorten the notes, or export JSON to keep them.';

function openDefault(): void {
  const scenario = findScenario(DEFAULT_SCENARIO);
  if (!scenario) return;
  useAppStore.getState().loadShared({
    scenarioId: scenario.id,
    fix: defaultFix(scenario),
    granularity: 'operations',
    params: {},
    seed: 1,
    schedule: [],
    cursor: 0,
  });
  useAppStore.getState().setCompare(null);
}

/** Loads the state in `hash` into the store (the default scenario, with a message, when refused). */
function load(hash: string): boolean {
  const store = useAppStore.getState();
  if (hash === '' || hash === '#') {
    openDefault();
    return true;
  }
  const result = decodeLink(hash);
  if (!result.ok) {
    // Say which link was refused, so it can be reported: the address bar moves on.
    store.notify(
      'error',
      `${result.error} Opened the default scenario instead.`,
      window.location.href.split('#')[0] + (hash.startsWith('#') ? hash : `#${hash}`),
    );
    openDefault();
    return false;
  }
  store.loadShared(result.state);
  store.setCompare(result.state.compare ?? null);
  for (const warning of result.warnings) store.notify('warning', warning);
  return true;
}

/** Wires the URL hash to the store for the lifetime of the app. */
export function useUrlSync(): void {
  useEffect(() => {
    let written = window.location.hash;
    let dropped = false;
    load(written);
    const write = (s: AppState, push: boolean) => {
      let hash: string;
      try {
        const link = linkOf(s);
        hash = `#${link.text}`;
        // Say so once when the notes stop fitting, not on every keystroke.
        if (link.notesDropped !== null && !dropped) s.notify('warning', NOTES_TOO_LONG);
        dropped = link.notesDropped !== null;
      } catch {
        return; // Keep the last good address rather than break the page.
      }
      if (hash === written) return;
      written = hash;
      const url = `${window.location.pathname}${window.location.search}${hash}`;
      if (push) window.history.pushState(null, '', url);
      else window.history.replaceState(null, '', url);
    };
    write(useAppStore.getState(), false);

    const unsubscribe = useAppStore.subscribe((s, prev) => {
      if (
        s.schedule === prev.schedule &&
        s.cursor === prev.cursor &&
        s.pinnedUnder === prev.pinnedUnder &&
        s.fix === prev.fix &&
        s.scenarioId === prev.scenarioId &&
        s.granularity === prev.granularity &&
        s.params === prev.params &&
        s.seed === prev.seed &&
        s.compareFix === prev.compareFix &&
        s.annotations === prev.annotations
      )
        return;
      write(s, s.navigation !== prev.navigation);
    });
    const onNavigate = () => {
      if (window.location.hash === written) return;
      written = window.location.hash;
      load(written);
      write(useAppStore.getState(), false);
    };
    window.addEventListener('popstate', onNavigate);
    window.addEventListener('hashchange', onNavigate);
    return () => {
      unsubscribe();
      window.removeEventListener('popstate', onNavigate);
      window.removeEventListener('hashchange', onNavigate);
    };
  }, []);
}
