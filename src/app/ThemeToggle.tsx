import { useEffect, useState } from 'react';
import { Button } from '../components/Button';
import { applyTheme, readThemeChoice, saveThemeChoice, type ThemeChoice } from './theme';

const NEXT: Record<ThemeChoice, ThemeChoice> = { system: 'dark', dark: 'light', light: 'system' };
const LABEL: Record<ThemeChoice, string> = { system: 'Theme: system', dark: 'Theme: dark', light: 'Theme: light' };

export function ThemeToggle() {
  const [choice, setChoice] = useState<ThemeChoice>(readThemeChoice);
  useEffect(() => {
    applyTheme(choice);
    if (choice !== 'system') return;
    const media = matchMedia('(prefers-color-scheme: dark)');
    const follow = () => applyTheme('system');
    media.addEventListener('change', follow);
    return () => media.removeEventListener('change', follow);
  }, [choice]);
  return (
    <Button
      size="sm"
      data-testid="theme-toggle"
      aria-label={`${LABEL[choice]} (click for ${NEXT[choice]})`}
      onClick={() => {
        const next = NEXT[choice];
        saveThemeChoice(next);
        setChoice(next);
      }}
    >
      {LABEL[choice]}
    </Button>
  );
}
