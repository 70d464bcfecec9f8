import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';

export interface PolicyOptions {
  singleFile: boolean;
  /** The origins "Fetch keys" may reach; null allows any https origin. */
  connectOrigins: string[] | null;
}

const sha = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * The page's policy. The hosted build loads only its own files; the single-file build has its
 * script and styles inline, so it allows exactly those by hash and nothing else.
 *
 * connect-src: the only request the page ever makes is the opt-in "Fetch keys" download, sent to
 * whatever issuer the user names, so by default it allows any https origin. It cannot follow the
 * user's choice at run time: the policy is fixed in index.html when the site is built, and any
 * policy added later (another <meta>, a header) is enforced alongside it, so it can only take
 * permissions away, never allow the issuer the user has just typed. A team hosting its own copy
 * can list its issuers at build time instead (SA_INSPECTOR_ISSUERS, read in vite.config.ts).
 */
export function pagePolicy(html: string, { singleFile, connectOrigins }: PolicyOptions): string {
  const scripts = singleFile ? [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '').filter(Boolean).map(sha) : [];
  const styles = singleFile ? [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1] ?? '').map(sha) : [];
  return [
    "default-src 'self'",
    `script-src 'self'${scripts.length ? ` ${scripts.join(' ')}` : ''}`,
    `style-src 'self'${styles.length ? ` ${styles.join(' ')}` : ''}`,
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self' ${connectOrigins ? connectOrigins.join(' ') : 'https:'}`,
    `worker-src 'self'${singleFile ? ' blob:' : ''}`,
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/**
 * Writes the Content-Security-Policy into index.html at build time (the dev server needs inline
 * scripts, so it gets none).
 */
export function contentSecurityPolicy(options: PolicyOptions): Plugin {
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
          const meta = `<meta http-equiv="Content-Security-Policy" content="${pagePolicy(html, options)}" />`;
          file.source = html.replace(/<meta charset="UTF-8" \/>/i, (m) => `${m}\n    ${meta}`);
        }
      },
    },
  };
}
