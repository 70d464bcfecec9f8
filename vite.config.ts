import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { VitePWA } from 'vite-plugin-pwa';
import { viteSingleFile } from 'vite-plugin-singlefile';
import { readIssuerOrigins } from './scripts/issuer-origins.ts';
import { contentSecurityPolicy } from './scripts/vite-csp-plugin.ts';

// `vite build` makes the hosted site (dist/): relative paths, so it works from any sub-path, and a
// service worker for offline use. `vite build --mode single` makes one self-contained HTML file
// (dist-single/index.html) that opens from file:// with no network.
/** In the single file the icon travels inline too, so the page needs no other file. */
function inlineIcon(): Plugin {
  const svg = readFileSync(new URL('./public/icon.svg', import.meta.url), 'utf8');
  return {
    name: 'sa-token-inspector:inline-icon',
    transformIndexHtml: (html) => html.replace('href="./icon.svg"', `href="data:image/svg+xml,${encodeURIComponent(svg)}"`),
  };
}

export default defineConfig(({ mode }) => {
  const singleFile = mode === 'single';
  // SA_INSPECTOR_ISSUERS="https://a.example,https://b.example" narrows connect-src to those origins.
  const issuers = readIssuerOrigins(process.env.SA_INSPECTOR_ISSUERS);
  if (!issuers.ok) throw new Error(issuers.message);
  return {
    base: './',
    plugins: [
      react(),
      tailwindcss(),
      singleFile
        ? [viteSingleFile({ removeViteModuleLoader: true }), inlineIcon()]
        : VitePWA({
            // Registered from main.tsx after load, so the first screen needs no extra request.
            injectRegister: false,
            registerType: 'autoUpdate',
            includeAssets: ['icon.svg'],
            manifest: {
              name: 'SA Token Inspector',
              short_name: 'SA Tokens',
              description: 'Decode, verify and explain Kubernetes service account tokens, offline, in your browser.',
              start_url: './',
              scope: './',
              display: 'standalone',
              background_color: '#0f172a',
              theme_color: '#0f172a',
              icons: [
                { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
                { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
                { src: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
                { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml' },
              ],
            },
            workbox: {
              globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
              cleanupOutdatedCaches: true,
              // Only the app's own files are cached; nothing a user pastes ever reaches the cache.
              runtimeCaching: [],
              navigateFallback: 'index.html',
            },
          }),
      contentSecurityPolicy({ singleFile, connectOrigins: issuers.origins }),
    ],
    publicDir: singleFile ? false : 'public',
    build: {
      target: 'es2022',
      sourcemap: false,
      outDir: singleFile ? 'dist-single' : 'dist',
    },
    server: { host: '127.0.0.1', port: 5173 },
    preview: { host: '127.0.0.1', port: 4173 },
  };
});
