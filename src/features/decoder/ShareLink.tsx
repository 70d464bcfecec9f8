import { useState } from 'react';
import { Button } from '../../components/Button';
import { CopyButton } from '../../components/CopyButton';

/** Longer links break in chat tools and some browsers; the input is better sent as a file. */
const MAX_LINK_CHARS = 32_000;

/**
 * An opt-in share link. The input travels in the URL fragment (#token=…), which browsers never
 * send to a server, but whoever gets the link gets the token: the warning says so first.
 */
export function ShareLink({ input }: { input: string }) {
  const [open, setOpen] = useState(false);
  if (!input.trim()) return null;
  const link = open ? `${window.location.href.split('#')[0]}#token=${encodeURIComponent(input)}` : '';
  return (
    <div className="text-sm">
      {!open ? (
        <Button size="sm" data-testid="share-open" onClick={() => setOpen(true)}>
          Share link…
        </Button>
      ) : (
        <div data-testid="share-panel" className="space-y-1 rounded border border-amber-300 bg-amber-50 p-2 text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
          <p className="font-medium">The link contains the token itself. Anyone who gets it can read the token and, until it expires, use it.</p>
          <p>It is carried in the part after “#”, which browsers never send to a server, but it stays in the browser history and in whatever you paste it into.</p>
          {link.length > MAX_LINK_CHARS ? (
            <p>This input is too long for a link ({link.length.toLocaleString('en')} characters); send it as a file instead.</p>
          ) : (
            <div className="flex flex-wrap items-center gap-2">
              <CopyButton text={link} label="Copy the share link" testId="share-copy" />
              <Button variant="subtle" size="sm" onClick={() => setOpen(false)}>
                Close
              </Button>
            </div>
          )}
        </div>
      )}
    </div>
  );
}
