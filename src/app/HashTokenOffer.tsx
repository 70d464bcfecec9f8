import { Button } from '../components/Button';

interface HashTokenOfferProps {
  /** Length of the input that arrived; its text is not shown, it may be long or hostile. */
  length: number;
  onReplace: () => void;
  onKeep: () => void;
}

/**
 * Asks before a `#token=` that arrived while the page was open replaces what the user has in the
 * input. In the page, not window.confirm: a dialog would block the tab and can be suppressed.
 */
export function HashTokenOffer({ length, onReplace, onKeep }: HashTokenOfferProps) {
  return (
    <section
      data-testid="hash-token-offer"
      aria-labelledby="hash-token-offer-title"
      className="mb-3 space-y-2 rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
    >
      <h2 id="hash-token-offer-title" role="alert" className="font-semibold">
        A link sent this page a new input ({length.toLocaleString('en')} characters).
      </h2>
      <p>Replace what is in the input box with it? Any page that opened this tab can send one, so replace only if you just opened a share link yourself.</p>
      <div className="flex flex-wrap gap-2">
        {/* Replacing is the risky choice here (the link may not be the user's own). */}
        <Button variant="danger" data-testid="hash-token-replace" onClick={onReplace}>
          Replace
        </Button>
        <Button data-testid="hash-token-keep" onClick={onKeep}>
          Keep
        </Button>
      </div>
    </section>
  );
}
