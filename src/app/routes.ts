import type { ComponentType } from 'react';
import DecoderRoute from './routes/DecoderRoute';
import type { RouteProps } from './routes/routeProps';

type Page = ComponentType<RouteProps>;

/**
 * A view of the app: its id (the URL fragment, `#compare`), its label in the nav, and its page.
 * The first screen's page ships with the shell (`page`); every other page is its own chunk,
 * fetched when the view is first opened (`load`).
 */
type RouteDefinition = { id: string; label: string } & ({ page: Page } | { load: () => Promise<{ default: Page }> });

/** The one route table: the nav, hash parsing and rendering all read it, in this order. */
export const ROUTES = [
  { id: 'decoder', label: 'Decoder', page: DecoderRoute },
  { id: 'compare', label: 'Compare', load: () => import('./routes/CompareRoute') },
  { id: 'audit', label: 'Audit', load: () => import('./routes/AuditRoute') },
  { id: 'access', label: 'Access', load: () => import('./routes/AccessRoute') },
  { id: 'build', label: 'Build', load: () => import('./routes/BuildRoute') },
  { id: 'trust', label: 'Trust', load: () => import('./routes/TrustRoute') },
  { id: 'learn', label: 'Learn', load: () => import('./routes/LearnRoute') },
] as const satisfies readonly RouteDefinition[];

export type Route = (typeof ROUTES)[number]['id'];

/** The view of an empty fragment (`#`, or none): the first route. */
export const DEFAULT_ROUTE: Route = ROUTES[0].id;
