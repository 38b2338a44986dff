/**
 * The sidebar's way into authoring: New incident (a small template) and Edit a copy of this
 * scenario (its example file, where one exists), both opening the editor beside the diagram.
 */
/** The authoring client, fetched on the first click (the page does not need it to start). */
const client = () => import('./authoredClient');

/** Returns the authoring card. */
export function AuthorCard() {
  return (
    <section className="card author-card" aria-label="Your own incident">
      <h2 className="card-title">Your own incident</h2>
      <p className="muted">Model it in YAML and watch the diagram follow as you type.</p>
      <div className="author-actions">
        <button
          type="button"
          className="btn btn-small"
          data-testid="new-incident"
          onClick={() => void client().then((m) => m.newIncident())}
        >
          New incident
        </button>
        <button
          type="button"
          className="btn btn-small"
          data-testid="edit-copy"
          onClick={() => void client().then((m) => m.editCopy())}
        >
          Edit a copy of this scenario
        </button>
      </div>
    </section>
  );
}
