import type { TextareaHTMLAttributes } from 'react';

/**
 * Laying out unbroken text in a textarea costs Chromium about 0.4 s per MB (measured), so larger
 * inputs are kept in memory and summarised instead of shown: a secret list can be 40 MB.
 */
export const LARGE_INPUT_CHARS = 256 * 1024;

export const isHeldText = (text: string): boolean => text.length > LARGE_INPUT_CHARS;

/** "3.2 MB", for saying how much is held. */
export const heldSize = (text: string): string => `${(text.length / 1048576).toFixed(1)} MB`;

type HoldingTextareaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'onChange' | 'onPaste'> & {
  value: string;
  onTextChange: (text: string) => void;
  /** Shown instead of the text while it is held in memory. */
  heldPlaceholder: string;
};

/** A textarea that shows text up to LARGE_INPUT_CHARS and holds anything larger in memory. */
export function HoldingTextarea({ value, onTextChange, heldPlaceholder, placeholder, ...rest }: HoldingTextareaProps) {
  const held = isHeldText(value);
  return (
    <textarea
      {...rest}
      value={held ? '' : value}
      onChange={(e) => onTextChange(e.target.value)}
      onPaste={(e) => {
        // A huge paste goes straight to memory: letting the browser insert megabytes into the
        // textarea (with undo history and layout) would freeze the page for seconds.
        const pasted = e.clipboardData.getData('text');
        if (pasted.length > LARGE_INPUT_CHARS) {
          e.preventDefault();
          onTextChange(pasted);
        }
      }}
      placeholder={held ? heldPlaceholder : placeholder}
    />
  );
}
