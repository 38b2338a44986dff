/**
 * The divergence note: while the pinned run cannot be followed to its end under the fix on
 * screen, says where it stops and why (naming the fix), and offers to switch back.
 */
import { useAppStore } from '../../store/index';
import { useDivergence } from '../hooks';

/** Returns the note, or nothing while the pinned run replays in full. */
export function DivergenceNote() {
  const story = useDivergence();
  const followPinned = useAppStore((s) => s.followPinned);
  const seek = useAppStore((s) => s.seek);
  if (!story) return null;
  return (
    <div className="divergence-note" role="status" data-testid="divergence-note">
      <p className="divergence-title">
        With {story.setting}, the pinned run stops at step {story.index + 1} of {story.pinnedSteps}.
      </p>
      <p>
        Its next step ({story.blocked}) is not possible. {story.instead}
      </p>
      <div className="divergence-actions">
        <button
          type="button"
          className="btn btn-ghost"
          data-testid="divergence-seek"
          onClick={() => seek(story.index)}
        >
          Go to where it stops
        </button>
        {story.pinnedSetting && (
          <button
            type="button"
            className="btn"
            data-testid="follow-pinned"
            onClick={followPinned}
            title={story.restore}
          >
            Switch back to {story.pinnedSetting}
          </button>
        )}
      </div>
    </div>
  );
}
