export type Route = 'decoder' | 'compare' | 'audit' | 'build' | 'learn';

export interface HashState {
  route: Route;
  /** The input carried by `#token=<url-encoded input>`, if any. */
  token: string | null;
}

const ROUTES: Route[] = ['compare', 'audit', 'build', 'learn'];

/** Reads the URL fragment: `#token=…` pre-fills the decoder; `#compare`, `#audit`… pick a view. */
export function parseHash(hash: string): HashState {
  const body = hash.replace(/^#/, '');
  const tokenMatch = /(?:^|&)token=([^&]*)/.exec(body);
  if (tokenMatch) {
    let token: string;
    try {
      token = decodeURIComponent((tokenMatch[1] ?? '').replace(/\+/g, '%20'));
    } catch {
      token = tokenMatch[1] ?? '';
    }
    const route = ROUTES.find((r) => body.startsWith(`${r}&`) || body.startsWith(`${r}?`)) ?? 'decoder';
    return { route, token };
  }
  const route = ROUTES.find((r) => body === r || body.startsWith(`${r}/`) || body.startsWith(`${r}&`)) ?? 'decoder';
  return { route, token: null };
}
