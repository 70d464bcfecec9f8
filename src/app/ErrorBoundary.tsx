import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Button } from '../components/Button';
import { describeAppError } from './errorMessage';

interface ErrorBoundaryProps {
  children: ReactNode;
  /** When this changes after a failure (a new input), the children are tried again. */
  resetKey?: unknown;
}

interface ErrorBoundaryState {
  error: unknown;
  failed: boolean;
}

/**
 * Catches a render error or a lazily loaded page that failed to arrive, and shows what happened
 * with a Reload button instead of a blank page. Give it a `key` to start afresh (the shell keys the
 * page's boundary by route, so another view in the nav still opens), or a `resetKey` to try its
 * children again when that value changes while keeping their state otherwise.
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null, failed: false };

  static getDerivedStateFromError(error: unknown): ErrorBoundaryState {
    return { error, failed: true };
  }

  override componentDidUpdate(previous: ErrorBoundaryProps): void {
    if (this.state.failed && previous.resetKey !== this.props.resetKey) this.setState({ error: null, failed: false });
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // For whoever opens the console; the page itself never shows a stack.
    console.error('SA Token Inspector: a view failed', error, info.componentStack);
  }

  override render() {
    return this.state.failed ? <AppError error={this.state.error} /> : this.props.children;
  }
}

function AppError({ error }: { error: unknown }) {
  const { title, explanation, detail } = describeAppError(error);
  return (
    <section
      role="alert"
      aria-labelledby="app-error-title"
      data-testid="app-error"
      className="space-y-2 rounded-lg border border-rose-300 bg-rose-50 p-4 text-sm text-rose-950 dark:border-rose-700 dark:bg-rose-950 dark:text-rose-100"
    >
      <h2 id="app-error-title" className="text-base font-semibold">
        {title}
      </h2>
      <p>{explanation}</p>
      {detail && (
        <p data-testid="app-error-detail" className="font-mono text-xs break-all">
          {detail}
        </p>
      )}
      <Button variant="primary" data-testid="app-error-reload" onClick={() => window.location.reload()}>
        Reload
      </Button>
    </section>
  );
}
