#!/usr/bin/env node
// `npm run test:nginx`: proves the README's nginx recipe (deploy/nginx.conf). Installs Debian's
// nginx if it is missing, serves dist/ below /tools/sa-token/ on a loopback port with exactly that
// file, then checks status, MIME type, caching and every security header of the page, its assets,
// the audit worker, the service worker and the manifest, and that the app works there in Chromium.
// Prints one pass/FAIL line per check and exits non-zero if any failed.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CHROMIUM_ARGS, findChromium } from './find-chromium.mjs';
import { ensureChromium, ensureNginx } from './provision.mjs';

const root = resolve(new URL('..', import.meta.url).pathname);
const dist = join(root, 'dist');
const recipeFile = join(root, 'deploy', 'nginx.conf');
/** The placeholders the recipe uses, replaced by this checkout's dist/ when it is served. */
const RECIPE_DIST = '/srv/sa-token-inspector/dist/';
const SUB_PATH = '/tools/sa-token/';
const MIME_TYPES = '/etc/nginx/mime.types';

let passed = 0;
let failed = 0;
function check(ok, what, detail = '') {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? 'pass' : 'FAIL'}: ${what}${ok || !detail ? '' : ` — ${detail}`}`);
}

/** A free loopback port (asked of the kernel, then released for nginx). */
function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

function serverConfig(dir, port, recipePath) {
  // The surroundings a Debian server block has (mime.types, temp paths), all inside `dir`.
  return `${process.getuid?.() === 0 ? 'user root;\n' : ''}worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 64; }
http {
    include ${MIME_TYPES};
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path ${dir}/body;
    proxy_temp_path ${dir}/proxy;
    fastcgi_temp_path ${dir}/fastcgi;
    uwsgi_temp_path ${dir}/uwsgi;
    scgi_temp_path ${dir}/scgi;
    server {
        listen 127.0.0.1:${port};
        server_name localhost;
        include ${recipePath};
    }
}
`;
}

/** Waits until nginx answers (or has exited): start-up, not a timed assertion. */
async function whenServing(url, nginx) {
  for (let i = 0; i < 100 && nginx.exitCode === null; i++) {
    try {
      await fetch(url, { redirect: 'manual' });
      return true;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return false;
}

/** The directives of a policy, by name. */
const directives = (policy) => new Map(policy.split(';').map((d) => d.trim()).filter(Boolean).map((d) => [d.split(/\s/, 1)[0], d]));

const YEAR = 31_536_000;

/** Problems with the security headers the recipe promises on every response; empty when all are right. */
function securityHeaderProblems(res, pagePolicy) {
  const problems = [];
  const csp = res.headers.get('content-security-policy');
  if (csp === null) problems.push('Content-Security-Policy: missing');
  const sent = directives(csp ?? '');
  for (const [key, value] of csp === null ? [] : directives(pagePolicy)) {
    // A build made with SA_INSPECTOR_ISSUERS narrows the page's connect-src; the header may stay wider (both apply).
    const ok = key === 'connect-src' ? [value, "connect-src 'self' https:"].includes(sent.get(key) ?? '') : sent.get(key) === value;
    if (!ok) problems.push(`CSP ${key} is ${sent.get(key) ?? 'missing'}, not as the page's "${value}"`);
  }
  if (csp !== null && sent.get('frame-ancestors') !== "frame-ancestors 'none'") problems.push(`CSP frame-ancestors is ${sent.get('frame-ancestors') ?? 'missing'}`);
  const expected = {
    'Cross-Origin-Opener-Policy': (v) => v === 'same-origin',
    'Cross-Origin-Resource-Policy': (v) => v === 'same-origin',
    'Strict-Transport-Security': (v) => Number(/^max-age=(\d+)/.exec(v)?.[1] ?? 0) >= YEAR,
    'X-Frame-Options': (v) => v === 'DENY',
    'Referrer-Policy': (v) => v === 'no-referrer',
    'X-Content-Type-Options': (v) => v === 'nosniff',
    'Permissions-Policy': (v) => v.includes('camera=()'),
  };
  for (const [header, ok] of Object.entries(expected)) {
    const value = res.headers.get(header);
    if (value === null || !ok(value)) problems.push(`${header}: ${value ?? 'missing'}`);
  }
  return problems;
}

const HEADERS_CHECKED = "the page's CSP plus frame-ancestors 'none', COOP and CORP same-origin, HSTS for a year or more, X-Frame-Options DENY, Referrer-Policy no-referrer, X-Content-Type-Options nosniff, Permissions-Policy";

/** One line per file: status, MIME type, caching, gzip, and every security header. */
async function checkFile(base, path, { type, cache, pagePolicy, gzip = false }) {
  const res = await fetch(`${base}${path}`, { headers: { 'Accept-Encoding': gzip ? 'gzip' : 'identity' } });
  await res.arrayBuffer();
  const problems = [];
  if (res.status !== 200) problems.push(`status ${res.status}`);
  const contentType = res.headers.get('content-type') ?? '';
  if (!type.test(contentType)) problems.push(`Content-Type ${contentType || 'missing'}, expected ${type.source}`);
  const cacheControl = res.headers.get('cache-control') ?? '';
  const tokens = cacheControl.split(',').map((t) => t.trim());
  const maxAge = Number(tokens.find((t) => t.startsWith('max-age='))?.slice('max-age='.length) ?? 0);
  const wantCache = cache === 'revalidate' ? 'no-cache' : 'max-age of a year or more';
  const cacheOk = cache === 'revalidate' ? tokens.includes('no-cache') : maxAge >= YEAR && !tokens.includes('no-cache') && !tokens.includes('no-store');
  if (!cacheOk) problems.push(`Cache-Control ${cacheControl || 'missing'}, expected ${wantCache}`);
  if (gzip && res.headers.get('content-encoding') !== 'gzip') problems.push('not gzipped when asked');
  problems.push(...securityHeaderProblems(res, pagePolicy));
  const name = path || SUB_PATH;
  check(problems.length === 0, `${name}: 200, ${contentType}, Cache-Control ${cacheControl}${gzip ? ', gzip' : ''}, every security header`, problems.join('; '));
}

/** The app in Chromium under the recipe's headers: decodes, runs the audit worker, registers its service worker. */
async function checkInBrowser(base) {
  if (!(await ensureChromium())) {
    check(false, 'browser: a Chromium to load the app', 'none could be installed');
    return;
  }
  const { chromium } = await import('@playwright/test');
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  try {
    await appInBrowser(browser, base);
  } catch (error) {
    check(false, 'browser: the app loads', String(error).split('\n')[0]);
  } finally {
    await browser.close();
  }
}

async function appInBrowser(browser, base) {
  const page = await browser.newPage();
  const violations = [];
  page.on('console', (m) => /Content.Security.Policy|Refused to/i.test(m.text()) && violations.push(m.text()));
  const token = readFileSync(join(root, 'fixtures/tokens/pod-bound.jwt'), 'utf8').trim();
  await page.goto(`${base}#token=${encodeURIComponent(token)}`);
  const kind = await page.getByTestId('token-kind').getAttribute('data-kind', { timeout: 15_000 }).catch((e) => String(e));
  check(kind === 'pod-bound', 'browser: the page decodes a token', kind);
  const swReady = await page.evaluate(() => navigator.serviceWorker.ready.then((r) => Boolean(r.active))).catch((e) => String(e));
  check(swReady === true, 'browser: the service worker installs', String(swReady));
  const workers = [];
  page.on('worker', (w) => workers.push(w.url()));
  await page.goto(`${base}#audit`);
  await page.getByTestId('audit-input').fill(readFileSync(join(root, 'fixtures/inputs/secret-list.json'), 'utf8'));
  // The fixture holds six service account token Secrets (and one other Secret, counted apart).
  const audited = await page
    .waitForFunction(() => document.querySelector('[data-testid="audit-summary"]')?.getAttribute('data-total') === '6', null, { timeout: 15_000 })
    .then(() => true)
    .catch(() => false);
  const inWorker = workers.some((u) => /\/assets\/audit\.worker-[\w-]+\.js$/.test(u));
  check(audited && inWorker, 'browser: the audit runs in its worker (6 Secrets)', `summary ${audited ? 'complete' : 'not complete'}; workers: ${workers.join(', ') || 'none'}`);
  check(violations.length === 0, 'browser: no Content-Security-Policy violation', violations.join(' | '));
}

async function main() {
  if (!existsSync(join(dist, 'index.html'))) {
    console.log('dist/ is missing: building it first (vite build).');
    if (spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit', cwd: root }).status !== 0) return false;
  }
  const nginxBinary = await ensureNginx();
  if (!nginxBinary) return false;
  if (!existsSync(MIME_TYPES)) {
    console.log(`nginx is there but ${MIME_TYPES} is not; install Debian's nginx-common.`);
    return false;
  }

  const recipe = readFileSync(recipeFile, 'utf8');
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  check(readme.includes(`\`\`\`nginx\n${recipe}\`\`\``), 'README quotes deploy/nginx.conf exactly');
  check(recipe.includes(RECIPE_DIST), `the recipe serves ${RECIPE_DIST}`);

  const dir = mkdtempSync(join(tmpdir(), 'sa-token-nginx-'));
  for (const sub of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(dir, sub));
  writeFileSync(join(dir, 'sa-token.conf'), recipe.replaceAll(RECIPE_DIST, `${dist}/`));
  const port = await freePort();
  writeFileSync(join(dir, 'nginx.conf'), serverConfig(dir, port, join(dir, 'sa-token.conf')));
  const nginxArgs = ['-p', dir, '-e', join(dir, 'error.log'), '-c', join(dir, 'nginx.conf')];
  const syntax = spawnSync(nginxBinary, ['-t', '-q', ...nginxArgs], { encoding: 'utf8' });
  check(syntax.status === 0, 'nginx accepts the recipe (nginx -t)', syntax.stderr.trim());
  if (syntax.status !== 0) return false;

  const nginx = spawn(nginxBinary, nginxArgs, { stdio: ['ignore', 'inherit', 'inherit'] });
  const origin = `http://127.0.0.1:${port}`;
  const base = `${origin}${SUB_PATH}`;
  try {
    if (!(await whenServing(base, nginx))) {
      check(false, `nginx serves ${base}`, readFileSync(join(dir, 'error.log'), 'utf8').trim());
      return false;
    }
    console.log(`nginx ${nginxBinary} serves dist/ at ${base}`);
    console.log(`Security headers checked on every response: ${HEADERS_CHECKED}.`);
    const html = readFileSync(join(dist, 'index.html'), 'utf8');
    const pagePolicy = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1] ?? '';
    check(pagePolicy !== '', 'dist/index.html carries its own policy');

    const redirect = await fetch(`${origin}${SUB_PATH.slice(0, -1)}`, { redirect: 'manual' });
    check(redirect.status === 301 && (redirect.headers.get('location') ?? '').endsWith(SUB_PATH), `${SUB_PATH.slice(0, -1)} redirects to ${SUB_PATH}`, `${redirect.status} ${redirect.headers.get('location')}`);

    const assets = readdirSync(join(dist, 'assets'));
    const entry = /<script type="module" crossorigin src="\.\/(assets\/[^"]+\.js)"/.exec(html)?.[1] ?? /src="\.\/(assets\/[^"]+\.js)"/.exec(html)?.[1];
    const css = assets.find((f) => f.endsWith('.css'));
    const worker = assets.find((f) => /^audit\.worker-.*\.js$/.test(f));
    check(Boolean(entry && css && worker), 'dist/ has an entry script, a stylesheet and the audit worker', `${entry} ${css} ${worker}`);
    const js = /^(application|text)\/javascript(;|$)/;
    const revalidate = { cache: 'revalidate', pagePolicy };
    const forever = { cache: 'year', pagePolicy };
    await checkFile(base, '', { type: /^text\/html(;|$)/, ...revalidate });
    await checkFile(base, 'index.html', { type: /^text\/html(;|$)/, ...revalidate, gzip: true });
    await checkFile(base, 'sw.js', { type: js, ...revalidate });
    await checkFile(base, 'manifest.webmanifest', { type: /^application\/manifest\+json(;|$)/, ...revalidate });
    await checkFile(base, 'icon.svg', { type: /^image\/svg\+xml(;|$)/, ...revalidate });
    await checkFile(base, 'icon-192.png', { type: /^image\/png$/, ...revalidate });
    if (entry) await checkFile(base, entry, { type: js, ...forever, gzip: true });
    if (css) await checkFile(base, `assets/${css}`, { type: /^text\/css(;|$)/, ...forever });
    if (worker) await checkFile(base, `assets/${worker}`, { type: js, ...forever });

    const missing = await fetch(`${base}nothing-here.js`);
    await missing.arrayBuffer();
    const missingProblems = [...(missing.status === 404 ? [] : [`status ${missing.status}`]), ...securityHeaderProblems(missing, pagePolicy)];
    check(missingProblems.length === 0, `a missing file: 404, with every security header`, missingProblems.join('; '));

    await checkInBrowser(base);
    return true;
  } finally {
    nginx.kill('SIGTERM');
    await new Promise((r) => (nginx.exitCode === null ? nginx.once('exit', r) : r()));
    rmSync(dir, { recursive: true, force: true });
  }
}

const completed = await main().catch((error) => {
  console.log(`The test stopped: ${String(error).split('\n')[0]}`);
  return false;
});
const total = passed + failed;
console.log(completed && failed === 0 ? `nginx recipe: all ${total} checks passed` : `nginx recipe: ${failed} of ${total} checks failed${completed ? '' : ', and the test could not finish'}`);
process.exit(completed && failed === 0 ? 0 : 1);
