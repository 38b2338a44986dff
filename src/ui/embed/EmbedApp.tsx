/**
 * The embed view (embed.html, allowed in frames): a read-only run from its link — the diagram
 * revealed step by step, Back / Next, the step's narrative and note as a caption, and a link
 * that opens the run in the full app. It writes nothing: no address, no storage.
 */
import { useEffect, useState } from 'react';
import { loadScenario, needsLoading } from '../../scenarios/catalog';
import { decodeLink, scenarioIdOfLink } from '../../share/link';
import { useAppStore } from '../../store/index';
import { RevealedDiagram } from '../diagram/RevealedDiagram';
import { PHONE_QUERY, useMediaQuery } from '../layout/useMediaQuery';
import { useNarrative, useRevealedRun, useScenario } from '../hooks';

/** Loads the run the address names (or says why it cannot). */
function useEmbeddedRun(): string | null {
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const load = async () => {
      const named = scenarioIdOfLink(window.location.hash) ?? '';
      if (needsLoading(named)) await loadScenario(named).catch(() => null);
      const result = decodeLink(window.location.hash);
      if (!result.ok) return setError(result.error);
      setError(null);
      useAppStore.getState().loadShared(result.state);
    };
    const onHash = () => void load();
    onHash();
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return error;
}

/** Returns the embedded, read-only run. */
export function EmbedApp() {
  const error = useEmbeddedRun();
  const scenario = useScenario();
  const { total, cursor } = useRevealedRun();
  const lines = useNarrative();
  const annotations = useAppStore((s) => s.annotations);
  const seek = useAppStore((s) => s.seek);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const at = useAppStore.getState();
      const now = Math.min(at.cursor, total);
      if (event.key === 'ArrowRight') at.seek(now + 1);
      else if (event.key === 'ArrowLeft') at.seek(now - 1);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [total]);
  // A narrow frame (or a phone) shows the diagram as a phone does: narrow lanes, read at full
  // size, panned sideways.
  const narrow = useMediaQuery(PHONE_QUERY);
  const title = annotations.title.trim() || scenario.title;
  const note = cursor > 0 ? annotations.notes[String(cursor)] : undefined;
  const full = new URL('./', window.location.href).href + window.location.hash;
  return (
    <main className="embed" data-testid="embed" aria-label={`Interleave: ${title}`}>
      <header className="embed-head">
        <h1 className="embed-title">{title}</h1>
        <a className="embed-open" href={full} target="_blank" rel="noopener noreferrer">
          Open in Interleave ↗
        </a>
      </header>
      {error ? (
        <p className="embed-error" role="alert">
          {error}
        </p>
      ) : (
        <div className="embed-diagram">
          <RevealedDiagram title={title} notes={annotations.notes} phone={narrow} />
        </div>
      )}
      <footer className="embed-foot">
        <button
          type="button"
          className="btn"
          onClick={() => seek(cursor - 1)}
          disabled={cursor === 0}
          aria-label="Previous step"
        >
          ◀
        </button>
        <span className="embed-count" data-testid="embed-count">
          {cursor} / {total}
        </span>
        <button
          type="button"
          className="btn btn-strong"
          data-testid="embed-next"
          onClick={() => seek(cursor + 1)}
          disabled={cursor >= total}
          aria-label="Next step"
        >
          ▶
        </button>
        <p className="embed-caption" aria-live="polite" data-testid="embed-caption">
          {cursor === 0 ? scenario.story : lines[cursor - 1]}
          {note && <span className="embed-note">{note}</span>}
        </p>
      </footer>
    </main>
  );
}
