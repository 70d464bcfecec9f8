/**
 * Can a relying party outside the cluster discover this issuer? Cloud relying parties fetch
 * `<iss>/.well-known/openid-configuration` and its `jwks_uri` over the internet, so the issuer
 * must be an https URL on a public host. Judged from the text alone; nothing is fetched.
 */
import { TRUST_NOTES } from './trustCatalogue';
import { withoutTrailingSlash } from './urlText';

/** Why two issuer URLs that look alike differ, for relying parties that compare them exactly ('' when unrelated). */
export function issuerDifference(iss: string, expected: string, rp: string): string {
  if (iss !== expected && withoutTrailingSlash(iss) === withoutTrailingSlash(expected)) return TRUST_NOTES.issuerTrailingSlash(rp);
  if (iss !== expected && iss.toLowerCase() === expected.toLowerCase()) return TRUST_NOTES.issuerCase(rp);
  return '';
}

export type IssuerReach =
  | { kind: 'missing' }
  | { kind: 'not-https'; iss: string }
  | { kind: 'not-public'; iss: string; why: string }
  | { kind: 'public'; iss: string; host: string };

/** Hosts that only resolve inside a cluster (the API server's Service and its DNS names). */
function inClusterHost(host: string): boolean {
  return (
    host === 'kubernetes' ||
    host === 'kubernetes.default' ||
    host.startsWith('kubernetes.default.svc') ||
    host.endsWith('.svc') ||
    host.endsWith('.svc.cluster.local') ||
    host.endsWith('.cluster.local')
  );
}

function privateIPv4(host: string): boolean {
  const parts = host.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p))) return false;
  const [a = 0, b = 0] = parts.map(Number);
  return a === 10 || a === 127 || a === 0 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254) || (a === 100 && b >= 64 && b <= 127);
}

function privateIPv6(host: string): boolean {
  if (!host.startsWith('[')) return false;
  const h = host.slice(1, -1).toLowerCase();
  return h === '::1' || h.startsWith('fc') || h.startsWith('fd') || h.startsWith('fe80');
}

const PRIVATE_SUFFIXES = ['.local', '.internal', '.localdomain', '.lan', '.home.arpa', '.corp', '.intranet'];

/** Where the token's `iss` stands for discovery by an outside relying party. */
export function classifyIssuer(iss: string | null): IssuerReach {
  if (iss === null || iss === '') return { kind: 'missing' };
  let url: URL;
  try {
    url = new URL(iss);
  } catch {
    return { kind: 'not-https', iss };
  }
  if (url.protocol !== 'https:') return { kind: 'not-https', iss };
  const host = url.hostname.toLowerCase();
  if (inClusterHost(host)) {
    return { kind: 'not-public', iss, why: `${host} is the API server’s in-cluster address, which resolves only inside the cluster` };
  }
  if (host === 'localhost' || host.endsWith('.localhost') || privateIPv4(host) || privateIPv6(host)) {
    return { kind: 'not-public', iss, why: `${host} is a loopback or private address` };
  }
  if (!host.includes('.') || PRIVATE_SUFFIXES.some((s) => host.endsWith(s))) {
    return { kind: 'not-public', iss, why: `${host} is a private host name that public DNS does not resolve` };
  }
  return { kind: 'public', iss, host };
}
