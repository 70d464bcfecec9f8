import type { Route } from './hashRoute';

const LINKS: { route: Route; href: string; label: string }[] = [
  { route: 'decoder', href: '#', label: 'Decoder' },
  { route: 'compare', href: '#compare', label: 'Compare' },
  { route: 'audit', href: '#audit', label: 'Audit' },
  { route: 'build', href: '#build', label: 'Build' },
  { route: 'learn', href: '#learn', label: 'Learn' },
];

export function Nav({ current }: { current: Route }) {
  return (
    <>
      {LINKS.map((link) => (
        <a
          key={link.route}
          href={link.href}
          data-testid={`nav-${link.route}`}
          aria-current={current === link.route ? 'page' : undefined}
          className="rounded px-2 py-1 hover:bg-slate-200 aria-[current=page]:bg-slate-200 aria-[current=page]:font-semibold dark:hover:bg-slate-800 dark:aria-[current=page]:bg-slate-800"
        >
          {link.label}
        </a>
      ))}
    </>
  );
}
