import type { ReactNode } from 'react';

interface PanelProps {
  title: ReactNode;
  /** Buttons shown at the right of the title. */
  actions?: ReactNode;
  children: ReactNode;
  /** A left border in a segment colour, e.g. `border-seg-payload`. */
  accentClass?: string;
  id?: string;
  testId?: string;
}

export function Panel({ title, actions, children, accentClass, id, testId }: PanelProps) {
  const headingId = id ? `${id}-title` : undefined;
  return (
    <section
      aria-labelledby={headingId}
      data-testid={testId}
      className={`rounded-lg border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900 ${accentClass ? `border-l-4 ${accentClass}` : ''}`}
    >
      <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-100 px-3 py-2 dark:border-slate-800">
        <h2 id={headingId} className="text-sm font-semibold tracking-wide text-slate-700 uppercase dark:text-slate-300">
          {title}
        </h2>
        {actions && <div className="flex flex-wrap items-center gap-1">{actions}</div>}
      </div>
      <div className="p-3">{children}</div>
    </section>
  );
}
