/** The build-time variable that narrows the page's connect-src to a team's own issuers. */
export const ISSUER_ORIGINS_VARIABLE = 'SA_INSPECTOR_ISSUERS';

export type IssuerOrigins = { ok: true; origins: string[] | null } | { ok: false; message: string };

const MAX_ORIGINS = 50;

/**
 * Reads `SA_INSPECTOR_ISSUERS="https://a.example,https://b.example:8443"`: the only origins the
 * "Fetch keys" button may reach in this build. Unset or blank means any https origin (null). Each
 * value must be an https origin (no path, query, credentials), optionally with a leading `*.`
 * wildcard label; anything else is refused, because it would end up inside the page's policy.
 */
export function readIssuerOrigins(value: string | undefined): IssuerOrigins {
  if (value === undefined || value.trim() === '') return { ok: true, origins: null };
  const entries = value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  if (entries.length === 0) return refuse(`"${value}" lists no origin`);
  if (entries.length > MAX_ORIGINS) return refuse(`lists ${entries.length} origins; at most ${MAX_ORIGINS} are allowed`);
  const origins: string[] = [];
  for (const entry of entries) {
    const origin = httpsOrigin(entry);
    if (!origin.ok) return refuse(`"${entry}" ${origin.why}`);
    if (!origins.includes(origin.value)) origins.push(origin.value);
  }
  return { ok: true, origins };
}

function refuse(detail: string): IssuerOrigins {
  return {
    ok: false,
    message: `${ISSUER_ORIGINS_VARIABLE} ${detail}. List https origins separated by commas, for example ${ISSUER_ORIGINS_VARIABLE}="https://oidc.example.com,https://keys.example.com:8443".`,
  };
}

const LABEL = /^[a-z0-9-]{1,63}$/;

function httpsOrigin(entry: string): { ok: true; value: string } | { ok: false; why: string } {
  if (!entry.toLowerCase().startsWith('https://')) return { ok: false, why: 'is not an https origin' };
  // The URL parser would turn "*" into "%2A"; take the wildcard off first and put it back after.
  const wildcard = entry.slice('https://'.length).startsWith('*.');
  let url: URL;
  try {
    url = new URL(wildcard ? `https://${entry.slice('https://*.'.length)}` : entry);
  } catch {
    return { ok: false, why: 'is not a URL' };
  }
  if (url.username || url.password) return { ok: false, why: 'carries credentials' };
  if (url.pathname !== '/' || url.search || url.hash || /[?#]/.test(entry)) return { ok: false, why: 'has a path, query or fragment; give the origin alone' };
  if (!url.hostname.split('.').every((label) => LABEL.test(label))) return { ok: false, why: 'has a host name that is not a plain DNS name or IPv4 address' };
  const port = url.port ? `:${url.port}` : '';
  return { ok: true, value: `https://${wildcard ? '*.' : ''}${url.hostname}${port}` };
}
