import { describe, expect, it } from 'vitest';
import { parseHash, routeFragment } from './hashRoute';
import { DEFAULT_ROUTE, ROUTES } from './routes';

describe('the route table', () => {
  const ids = ROUTES.map((r) => r.id);

  it('names each view once, with a label of its own', () => {
    expect(new Set(ids).size).toBe(ids.length);
    const labels = ROUTES.map((r) => r.label);
    expect(new Set(labels).size).toBe(labels.length);
    for (const label of labels) expect(label).toMatch(/^[A-Z][a-z]+( [a-z]+)*$/);
  });

  it('is what hash parsing reads: every view round-trips through its fragment', () => {
    for (const id of ids) {
      expect(parseHash(routeFragment(id)).route).toBe(id);
      expect(parseHash(`#${id}`).route).toBe(id);
      expect(parseHash(`#${id}/section`).route).toBe(id);
      expect(parseHash(`#${id}&token=a.b.c`)).toEqual({ route: id, token: 'a.b.c' });
    }
  });

  it('opens the first view on an empty fragment, and only there', () => {
    expect(DEFAULT_ROUTE).toBe(ids[0]);
    expect(routeFragment(DEFAULT_ROUTE)).toBe('');
    expect(parseHash('').route).toBe(DEFAULT_ROUTE);
    for (const id of ids.filter((r) => r !== DEFAULT_ROUTE)) expect(routeFragment(id)).toBe(`#${id}`);
  });

  it('uses ids that cannot be mistaken for the fragment\'s parameters', () => {
    for (const id of ids) {
      expect(id).toMatch(/^[a-z][a-z-]*$/);
      expect(id).not.toBe('token');
    }
  });

  it('ships only the first screen with the shell; every other view is fetched when opened', () => {
    const withShell = ROUTES.filter((r) => 'page' in r).map((r) => r.id);
    expect(withShell).toEqual([DEFAULT_ROUTE]);
    for (const route of ROUTES) if (!('page' in route)) expect(typeof route.load).toBe('function');
  });
});
