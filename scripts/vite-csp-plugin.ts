import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';

/**
 * Writes the Content-Security-Policy into index.html at build time (the dev server needs inline
 * scripts, so it gets none). The hosted build loads only its own files; the single-file build has
 * its script and styles inline, so it allows exactly those by hash and nothing else.
 * connect-src allows https: because the only fetch, the explicit JWKS download, goes to whatever
 * issuer the user names.
 */
export function contentSecurityPolicy({ singleFile }: { singleFile: boolean }): Plugin {
  const sha = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
  const policy = (html: string) => {
    const scripts = singleFile ? [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '').filter(Boolean).map(sha) : [];
    const styles = singleFile ? [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1] ?? '').map(sha) : [];
    return [
      "default-src 'self'",
      `script-src 'self'${scripts.length ? ` ${scripts.join(' ')}` : ''}`,
      `style-src 'self'${styles.length ? ` ${styles.join(' ')}` : ''}`,
      "img-src 'self' data:",
      "font-src 'self'",
      "connect-src 'self' https:",
      `worker-src 'self'${singleFile ? ' blob:' : ''}`,
      "manifest-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'none'",
    ].join('; ');
  };
  return {
    name: 'sa-token-inspector:csp',
    apply: 'build',
    enforce: 'post',
    // After every other plugin, so the single-file build's scripts are already inline when hashed.
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        for (const file of Object.values(bundle)) {
          if (file.type !== 'asset' || !file.fileName.endsWith('.html')) continue;
          const html = String(file.source);
          const meta = `<meta http-equiv="Content-Security-Policy" content="${policy(html)}" />`;
          file.source = html.replace(/<meta charset="UTF-8" \/>/i, (m) => `${m}\n    ${meta}`);
        }
      },
    },
  };
}
