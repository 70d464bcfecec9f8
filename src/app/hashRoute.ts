import { DEFAULT_ROUTE, ROUTES, type Route } from './routes';

export type { Route };

export interface HashState {
  route: Route;
  /** The input carried by `#token=<url-encoded input>`, if any. */
  token: string | null;
}

/** The routes a fragment names; the default one is the empty fragment. */
const NAMED_ROUTES: readonly Route[] = ROUTES.map((r) => r.id).filter((id) => id !== DEFAULT_ROUTE);

/**
 * Reads the URL fragment: `#compare`, `#learn/…` pick a view; `#token=<url-encoded input>` pre-fills
 * the input, alone or after a view (`#audit&token=…`, `#audit?token=…`).
 */
export function parseHash(hash: string): HashState {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  const [head = '', ...rest] = body.split('&');
  const query = head.indexOf('?');
  const headIsParam = head.startsWith('token=');
  const routePart = headIsParam ? '' : query >= 0 ? head.slice(0, query) : head;
  const params = headIsParam ? [head, ...rest] : query >= 0 ? [head.slice(query + 1), ...rest] : rest;
  const route = NAMED_ROUTES.find((r) => routePart === r || routePart.startsWith(`${r}/`)) ?? DEFAULT_ROUTE;
  const tokenParam = params.find((p) => p.startsWith('token='));
  return { route, token: tokenParam === undefined ? null : decodeParam(tokenParam.slice('token='.length)) };
}

/** Form-style decoding ("+" is a space); a malformed escape keeps the text as it is. */
function decodeParam(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, '%20'));
  } catch {
    return value;
  }
}

/** The fragment that names a route and nothing else: what stays in the address bar once a token is read. */
export function routeFragment(route: Route): string {
  return route === DEFAULT_ROUTE ? '' : `#${route}`;
}

export type HashTokenAction = 'fill' | 'offer' | 'ignore';

/**
 * What a `#token=` that arrives while the page is open does to the input. Any page that can set
 * this tab's location (an opener on another site, for one) can send it, so it never replaces text
 * the user has there without asking; an empty input has nothing to lose.
 */
export function hashTokenAction(incoming: string, current: string): HashTokenAction {
  if (incoming.trim() === '' || incoming === current) return 'ignore';
  return current.trim() === '' ? 'fill' : 'offer';
}
