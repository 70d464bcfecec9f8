import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { AppProviders } from './app/providers';
import { isFramed, showFramedNotice } from './app/framing';
import { applyTheme, readThemeChoice } from './app/theme';
import './index.css';

// Before the first render, so the page never flashes the wrong theme.
applyTheme(readThemeChoice());

const root = document.getElementById('root') as HTMLElement;

if (isFramed()) {
  // Where the host cannot send frame-ancestors, the app refuses frames itself (see framing.ts).
  showFramedNotice(root);
} else {
  // The service worker caches the app's own files so it works offline after one visit. It is not
  // registered from file:// (the single-file build) or in development.
  if (import.meta.env.PROD && 'serviceWorker' in navigator && location.protocol.startsWith('http') && !import.meta.env.VITE_SINGLE_FILE) {
    window.addEventListener('load', () => {
      navigator.serviceWorker.register('./sw.js', { scope: './' }).catch(() => {
        // Offline use is a bonus: the app works the same without it.
      });
    });
  }
  createRoot(root).render(
    <StrictMode>
      <AppProviders>
        <App />
      </AppProviders>
    </StrictMode>,
  );
}
