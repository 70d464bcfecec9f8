import { useState, type ReactNode } from 'react';

// Which sections the user opened or closed, by id, for the life of the tab: a re-paste (or a
// remount of the results) finds them as they were. Held in memory only, never stored.
const remembered = new Map<string, boolean>();

interface DisclosureProps {
  /** Names the section in the remembered state and as the element id. */
  id: string;
  title: ReactNode;
  children: ReactNode;
  defaultOpen?: boolean;
  testId?: string;
}

/**
 * A collapsible section (native `<details>`: keyboard and screen readers for free). Its content
 * stays mounted while closed, so hooks inside it remain in the page.
 */
export function Disclosure({ id, title, children, defaultOpen = false, testId }: DisclosureProps) {
  const [open, setOpen] = useState(() => remembered.get(id) ?? defaultOpen);
  return (
    <details
      id={id}
      data-testid={testId}
      open={open}
      onToggle={(e) => {
        const now = e.currentTarget.open;
        remembered.set(id, now);
        if (now !== open) setOpen(now);
      }}
      className="group rounded-lg border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <summary className="flex cursor-pointer list-none items-center gap-2 rounded-lg px-3 py-2 text-sm font-semibold text-slate-700 select-none hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-sky-600 dark:text-slate-300 dark:hover:bg-slate-800 [&::-webkit-details-marker]:hidden">
        <svg viewBox="0 0 24 24" aria-hidden="true" className="h-4 w-4 shrink-0 transition-transform group-open:rotate-90" fill="none" stroke="currentColor" strokeWidth={2.2} strokeLinecap="round" strokeLinejoin="round">
          <path d="m9 6 6 6-6 6" />
        </svg>
        {title}
      </summary>
      <div className="border-t border-slate-100 p-3 dark:border-slate-800">{children}</div>
    </details>
  );
}
