/**
 * Last line of defence: if rendering fails (e.g. a scenario cannot be built with some
 * parameters), say so and offer a way back instead of leaving a blank page.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface State {
  readonly error: Error | null;
}

/** Renders its children, or a recovery message after a render error. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.warn('Interleave could not render this state', error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="crash" role="alert" data-testid="crash">
        <h2>This state cannot be shown</h2>
        <p>{error.message}</p>
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => {
            window.location.hash = '';
            window.location.reload();
          }}
        >
          Open the default scenario
        </button>
      </div>
    );
  }
}
