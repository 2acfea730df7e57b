import { Component, type ErrorInfo, type ReactNode } from 'react';
import './renderBoundary.css';

interface RenderBoundaryProps {
  /** Where this boundary sits, for the console log (English, like every log line). */
  readonly where: string;
  /** What to show instead of the children once they failed to render; `retry` renders them again. */
  readonly fallback: (error: Error, retry: () => void) => ReactNode;
  /** A change of this value tries the children again (another message status, another screen). */
  readonly resetKey?: unknown;
  readonly children: ReactNode;
}

interface RenderBoundaryState {
  readonly error: Error | null;
  readonly resetKey: unknown;
}

/**
 * Keeps a rendering failure local: the part that threw is replaced by its fallback (its text,
 * unformatted, with a note) instead of React unmounting the whole window. React offers this
 * only to class components.
 */
export class RenderBoundary extends Component<RenderBoundaryProps, RenderBoundaryState> {
  override state: RenderBoundaryState = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<RenderBoundaryState> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(
    props: RenderBoundaryProps,
    state: RenderBoundaryState,
  ): Partial<RenderBoundaryState> | null {
    return Object.is(props.resetKey, state.resetKey)
      ? null
      : { error: null, resetKey: props.resetKey };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(
      `Rendering the ${this.props.where} failed; showing a plain fallback.`,
      error,
      info.componentStack,
    );
  }

  private readonly retry = (): void => this.setState({ error: null });

  override render(): ReactNode {
    return this.state.error
      ? this.props.fallback(this.state.error, this.retry)
      : this.props.children;
  }
}

/**
 * A fallback: a note saying what happened, a button to render the part again (what failed may
 * have been passing, like a chunk that did not load), then the text as it is (if there is any).
 */
export function RawFallback({
  note,
  text,
  role = 'note',
  retry,
}: {
  note: string;
  text?: string;
  role?: 'note' | 'alert';
  retry?: { label: string; onRetry: () => void };
}) {
  return (
    <div className="render-fallback">
      <p className="render-fallback-note" role={role}>
        {note}
      </p>
      {retry ? (
        <button type="button" className="btn btn-secondary btn-sm" onClick={retry.onRetry}>
          {retry.label}
        </button>
      ) : null}
      {text ? <pre className="render-fallback-text">{text}</pre> : null}
    </div>
  );
}
