import { useId, type ReactNode } from 'react';
import { fieldErrorClass, helpClass } from './styles';

/** What the control of a Field needs to be labelled and described: spread it onto the control. */
interface FieldControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

interface FieldProps {
  label: ReactNode;
  /** The control (and anything that sits beside it), given the props that tie it to the label. */
  children: (control: FieldControlProps) => ReactNode;
  /** A line under the control saying what it expects. */
  hint?: ReactNode;
  /** What is wrong with the value; marks the control invalid. */
  error?: ReactNode;
  /** stacked: a small label above (filters, settings); inline: a label beside, in one row with the control. */
  layout?: 'stacked' | 'inline';
  className?: string;
}

/** A label, its control, and a hint or an error, tied together for screen readers. */
export function Field({ label, children, hint, error, layout = 'stacked', className = '' }: FieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const control = children({ id, 'aria-describedby': describedBy, ...(error ? { 'aria-invalid': true as const } : {}) });
  const notes = (
    <>
      {hint && (
        <span id={hintId} className={`${helpClass} ${layout === 'inline' ? '' : 'block'}`}>
          {hint}
        </span>
      )}
      {error && (
        <span id={errorId} className={`${fieldErrorClass} block`}>
          {error}
        </span>
      )}
    </>
  );
  if (layout === 'inline') {
    return (
      <div className={`flex flex-wrap items-center gap-2 ${className}`}>
        <label htmlFor={id} className="text-sm font-medium">
          {label}
        </label>
        {control}
        {notes}
      </div>
    );
  }
  return (
    <div className={`flex flex-col gap-0.5 text-sm ${className}`}>
      <label htmlFor={id} className={helpClass}>
        {label}
      </label>
      {control}
      {notes}
    </div>
  );
}
