import { useEffect, useEffectEvent, useState } from 'react';
import { parseHash, routeFragment, type Route } from './hashRoute';

/**
 * Takes `#token=` out of the address bar, keeping the route. replaceState rewrites the current
 * history entry instead of adding one, so neither the bar nor the history keeps the token.
 */
function scrubToken(route: Route): void {
  try {
    window.history.replaceState(window.history.state, '', `${window.location.pathname}${window.location.search}${routeFragment(route)}`);
  } catch {
    // A browser that refuses (some file:// set-ups) leaves the fragment; the app works the same.
  }
}

export interface HashRouting {
  route: Route;
  /** The input the page was opened with (`#token=` at load), which fills the input unasked. */
  initialToken: string | null;
}

/**
 * The view named by the URL fragment, and any input it carries. The input is read once and then
 * removed from the URL; a `#token=` that arrives later goes to `onLaterToken`, which decides.
 */
export function useHashState(onLaterToken: (token: string) => void): HashRouting {
  const [initial] = useState(() => parseHash(window.location.hash));
  const [route, setRoute] = useState(initial.route);
  const handleLaterToken = useEffectEvent(onLaterToken);
  useEffect(() => {
    const atLoad = parseHash(window.location.hash);
    if (atLoad.token !== null) scrubToken(atLoad.route);
    const onChange = () => {
      const state = parseHash(window.location.hash);
      setRoute(state.route);
      if (state.token === null) return;
      scrubToken(state.route);
      handleLaterToken(state.token);
    };
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return { route, initialToken: initial.token };
}
