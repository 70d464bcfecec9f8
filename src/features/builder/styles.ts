/** Class lists shared by the builder's controls, matching the rest of the app. */
export const buttonClass =
  'rounded border border-slate-300 px-2 py-1 text-sm hover:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-50 dark:border-slate-600 dark:hover:bg-slate-800';
export const primaryButtonClass =
  'rounded bg-sky-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-sky-800 disabled:cursor-not-allowed disabled:opacity-60 dark:bg-sky-700 dark:hover:bg-sky-600';
export const selectClass = 'rounded border border-slate-300 bg-white px-1.5 py-1 text-sm dark:border-slate-600 dark:bg-slate-800';
export const textareaClass =
  'block w-full resize-y overflow-x-auto rounded-lg border border-slate-300 bg-white p-2 font-mono text-[13px] dark:border-slate-700 dark:bg-slate-900 aria-[invalid=true]:border-rose-500 dark:aria-[invalid=true]:border-rose-400';
export const codeClass = 'rounded border border-slate-200 bg-slate-50 p-2 font-mono text-[12px] leading-snug break-all whitespace-pre-wrap dark:border-slate-700 dark:bg-slate-950';
export const helpClass = 'text-xs text-slate-600 dark:text-slate-400';
export const errorClass = 'rounded border border-rose-300 bg-rose-50 p-2 text-sm text-rose-950 dark:border-rose-700 dark:bg-rose-950 dark:text-rose-100';
