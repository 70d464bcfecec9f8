/**
 * The class vocabulary every view shares: one look for buttons, form controls, help and error
 * text, so no feature keeps its own copy. Components (Button, Select, Field, CodeBlock) use it;
 * a plain element that must look like one of them can too.
 */

export type ButtonVariant = 'primary' | 'secondary' | 'subtle' | 'danger';
export type ButtonSize = 'sm' | 'md';

const BUTTON_BASE = 'inline-flex items-center justify-center gap-1 rounded whitespace-nowrap disabled:cursor-not-allowed disabled:opacity-50';

const BUTTON_VARIANTS: Record<ButtonVariant, string> = {
  primary: 'border border-sky-700 bg-sky-700 font-semibold text-white hover:bg-sky-800 dark:border-sky-600 dark:bg-sky-700 dark:hover:bg-sky-600',
  secondary: 'border border-slate-300 text-slate-800 hover:bg-slate-100 dark:border-slate-600 dark:text-slate-100 dark:hover:bg-slate-800',
  subtle: 'border border-transparent text-sky-800 underline-offset-2 hover:bg-slate-100 hover:underline dark:text-sky-300 dark:hover:bg-slate-800',
  danger: 'border border-rose-400 text-rose-800 hover:bg-rose-50 dark:border-rose-500 dark:text-rose-200 dark:hover:bg-rose-950',
};

const BUTTON_SIZES: Record<ButtonSize, string> = {
  sm: 'px-2 py-0.5 text-xs',
  md: 'px-2.5 py-1 text-sm',
};

export function buttonClass(variant: ButtonVariant = 'secondary', size: ButtonSize = 'md'): string {
  return `${BUTTON_BASE} ${BUTTON_VARIANTS[variant]} ${BUTTON_SIZES[size]}`;
}

/** A native select, text or number input. */
export const controlClass =
  'rounded border border-slate-300 bg-white px-1.5 py-1 text-sm dark:border-slate-600 dark:bg-slate-800 aria-[invalid=true]:border-rose-500 dark:aria-[invalid=true]:border-rose-400';

/** A multi-line text box for code, keys or JSON (monospace, never wrapped by the browser's spell checker). */
export const textareaClass =
  'block w-full resize-y overflow-x-auto rounded-lg border border-slate-300 bg-white p-2 font-mono text-[13px] dark:border-slate-700 dark:bg-slate-900 aria-[invalid=true]:border-rose-500 dark:aria-[invalid=true]:border-rose-400';

export const helpClass = 'text-xs text-slate-600 dark:text-slate-400';

/** A problem the user can act on, in a box of its own. */
export const errorClass = 'rounded border border-rose-300 bg-rose-50 p-2 text-sm text-rose-950 dark:border-rose-700 dark:bg-rose-950 dark:text-rose-100';

/** The error line under a field. */
export const fieldErrorClass = 'text-xs text-rose-800 dark:text-rose-300';
