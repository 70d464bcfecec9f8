import { revealInvisible } from '../core/text/revealInvisible';

export interface AppErrorMessage {
  title: string;
  explanation: string;
  /** The error's own message, shortened and with hidden characters shown; never a stack trace. */
  detail: string | null;
}

/** Longer messages are cut: the point is a hint for a bug report, not a dump. */
const DETAIL_CHARS = 300;

/**
 * What browsers say when a lazily loaded chunk cannot be fetched: Chromium ("Failed to fetch
 * dynamically imported module"), Firefox ("error loading dynamically imported module"), WebKit
 * ("Importing a module script failed"), and Vite's preload helper ("Unable to preload CSS").
 */
const CHUNK_FAILURES = ['dynamically imported module', 'importing a module script failed', 'unable to preload'];

export function isChunkLoadError(message: string): boolean {
  const lower = message.toLowerCase();
  return CHUNK_FAILURES.some((phrase) => lower.includes(phrase));
}

/** The text of the error boundary's message for whatever was thrown. */
export function describeAppError(error: unknown): AppErrorMessage {
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  const shortened = message.length > DETAIL_CHARS ? `${message.slice(0, DETAIL_CHARS)}…` : message;
  const detail = shortened.trim() ? revealInvisible(shortened).text : null;
  if (isChunkLoadError(message)) {
    return {
      title: 'This part of the app could not be loaded',
      explanation: 'The browser could not fetch its code: the connection may be down, or the app was updated since this page was opened. Reload the page to try again; the input is not kept.',
      detail,
    };
  }
  return {
    title: 'Something went wrong while showing this view',
    explanation: 'This is a fault in SA Token Inspector, not in your input. Reload the page to start again; the input is not kept.',
    detail,
  };
}
