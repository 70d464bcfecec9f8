import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { applyTheme, readThemeChoice } from './app/theme';
import './index.css';

// Before the first render, so the page never flashes the wrong theme.
applyTheme(readThemeChoice());

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
