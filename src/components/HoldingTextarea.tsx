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
      // Tokens, keys and YAML: never spell-checked, capitalised, autocompleted or corrected.
      spellCheck={false}
      autoCapitalize="off"
      autoComplete="off"
      autoCorrect="off"
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

/** What the box shows instead of held text. */
export const heldPlaceholderText = (text: string): string =>
  `${heldSize(text)} of input is held in memory but not shown here, so the page stays responsive. Type or paste to replace it.`;

/** Says how much is held when the box cannot show it (contract-free hook `large-input`). */
export function HeldInputNotice({ value }: { value: string }) {
  if (!isHeldText(value)) return null;
  return (
    <p data-testid="large-input" role="status" className="text-sm text-slate-700 dark:text-slate-300">
      Holding {heldSize(value)} of input ({value.length.toLocaleString('en')} characters); it is not shown in the box.
    </p>
  );
}
