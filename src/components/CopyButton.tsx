import { useEffect, useState } from 'react';
import { Button } from './Button';

async function writeClipboard(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Clipboard API refused (insecure context, file://, permissions): fall back to a hidden textarea.
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    const done = document.execCommand('copy');
    area.remove();
    return done;
  }
}

interface CopyButtonProps {
  text: string;
  /** What is copied, for screen readers: "Copy payload JSON". It should start with the caption. */
  label: string;
  /** The visible text: "Copy" unless said otherwise ("Copy (POSIX shell)"). */
  caption?: string;
  testId?: string;
}

export function CopyButton({ text, label, caption = 'Copy', testId }: CopyButtonProps) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 1500);
    return () => clearTimeout(timer);
  }, [state]);
  return (
    <Button size="sm" aria-label={label} title={label} data-testid={testId} onClick={async () => setState((await writeClipboard(text)) ? 'copied' : 'failed')}>
      <span aria-live="polite">{state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : caption}</span>
    </Button>
  );
}
