import { routeFragment } from './hashRoute';
import { ROUTES, type Route } from './routes';

/** One link per route of the table, in its order; the current view is marked for screen readers too. */
export function Nav({ current }: { current: Route }) {
  return (
    <>
      {ROUTES.map((route) => (
        <a
          key={route.id}
          href={routeFragment(route.id) || '#'}
          data-testid={`nav-${route.id}`}
          aria-current={current === route.id ? 'page' : undefined}
          className="rounded px-2 py-1 hover:bg-slate-200 aria-[current=page]:bg-slate-200 aria-[current=page]:font-semibold dark:hover:bg-slate-800 dark:aria-[current=page]:bg-slate-800"
        >
          {route.label}
        </a>
      ))}
    </>
  );
}
