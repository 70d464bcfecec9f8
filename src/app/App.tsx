import { lazy, Suspense, useEffect, useState, type ComponentType } from 'react';
import type { BuilderSession } from '../features/builder/builderSession';
import { DEFAULT_VERIFY_SETTINGS, type VerifySettings } from '../features/verify/verifySettings';
import { readTextFile } from '../lib/readTextFile';
import { readRememberedKeys } from '../lib/rememberedKeys';
import { ErrorBoundary } from './ErrorBoundary';
import { hashTokenAction } from './hashRoute';
import { HashTokenOffer } from './HashTokenOffer';
import { Nav } from './Nav';
import { ROUTES, type Route } from './routes';
import type { RouteProps } from './routes/routeProps';
import { KeyInputField } from '../features/verify/KeyInputField';
import { ThemeToggle } from './ThemeToggle';
import { useHashState } from './useHashState';

/** Each route's page, made once (lazy() on every render would remount the page each time). */
const PAGES = Object.fromEntries(ROUTES.map((route) => [route.id, 'page' in route ? route.page : lazy(route.load)])) as Record<Route, ComponentType<RouteProps>>;

export function App() {
  const hash = useHashState(onLaterToken);
  const [input, setInput] = useState(hash.initialToken ?? '');
  // An input that arrived through #token= while the user had other text, waiting for Replace / Keep.
  const [offer, setOffer] = useState<string | null>(null);
  function onLaterToken(token: string) {
    const action = hashTokenAction(token, input);
    if (action === 'fill') setInput(token);
    if (action !== 'ignore') setOffer(action === 'offer' ? token : null);
  }
  const [verify, setVerify] = useState<VerifySettings>(() => {
    const remembered = readRememberedKeys();
    return remembered ? { ...DEFAULT_VERIFY_SETTINGS, keyText: remembered, rememberKeys: true } : DEFAULT_VERIFY_SETTINGS;
  });
  // The builder's work, kept while the user visits other views (null until Build first opens).
  const [builderSession, setBuilderSession] = useState<BuilderSession | null>(null);
  const [rbacText, setRbacText] = useState('');
  const [dragging, setDragging] = useState(false);
  const [dropError, setDropError] = useState<string | null>(null);

  /** The builder's round trip: its token in the decoder, its public key in the key input. */
  const openInDecoder = (token: string, publicKey: string) => {
    setInput(token);
    setVerify((v) => ({ ...v, keyText: publicKey }));
    window.location.hash = '';
  };

  const openSample = async (id: string) => {
    const { BLOG_SAMPLE_TEXTS } = await import('../core/samples/blogSampleTexts');
    setInput(BLOG_SAMPLE_TEXTS[id] ?? '');
    window.location.hash = '';
  };

  // Drop a file anywhere on the page (inputs with their own drop handling stop the event first).
  useEffect(() => {
    const over = (e: DragEvent) => {
      if (!e.dataTransfer?.types.includes('Files')) return;
      e.preventDefault();
      setDragging(true);
    };
    const leave = (e: DragEvent) => {
      if (e.relatedTarget === null) setDragging(false);
    };
    const drop = async (e: DragEvent) => {
      setDragging(false);
      const file = e.dataTransfer?.files[0];
      if (!file || e.defaultPrevented) return;
      e.preventDefault();
      const read = await readTextFile(file);
      setDropError(read.ok ? null : read.message);
      if (read.ok) {
        setInput(read.text);
        if (window.location.hash) window.location.hash = '';
      }
    };
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, []);

  const Page = PAGES[hash.route];
  const routeProps: RouteProps = {
    input,
    onInputChange: setInput,
    verify,
    onVerifyChange: setVerify,
    rbacText,
    onRbacTextChange: setRbacText,
    builderSession,
    onBuilderSessionChange: setBuilderSession,
    onOpenInDecoder: openInDecoder,
    onOpenSample: openSample,
    keyField: <KeyInputField settings={verify} onChange={setVerify} />,
  };

  return (
    <>
      <div className="mx-auto max-w-[1400px] px-3 py-3 sm:px-5">
        <header className="mb-4 flex flex-wrap items-center justify-between gap-2">
          <div>
            <h1 className="text-lg font-bold">SA Token Inspector</h1>
            <p className="text-xs text-slate-600 dark:text-slate-400">Kubernetes service account tokens, decoded and explained — in your browser, offline.</p>
          </div>
          <nav aria-label="Views" className="flex flex-wrap items-center gap-1 text-sm">
            <Nav current={hash.route} />
            <ThemeToggle />
          </nav>
        </header>
        {offer !== null && (
          <HashTokenOffer
            length={offer.length}
            onReplace={() => {
              setInput(offer);
              setOffer(null);
            }}
            onKeep={() => setOffer(null)}
          />
        )}
        {dropError && <p role="alert" className="mb-2 text-sm text-rose-800 dark:text-rose-200">{dropError}</p>}
        <main>
          {/* Keyed by route: a view that failed does not stop the next one from opening. */}
          <ErrorBoundary key={hash.route}>
            <Suspense fallback={<p className="text-sm text-slate-600 dark:text-slate-400">Loading…</p>}>
              <Page {...routeProps} />
            </Suspense>
          </ErrorBoundary>
        </main>
        {dragging && (
          <div aria-hidden="true" className="pointer-events-none fixed inset-0 z-50 flex items-center justify-center bg-sky-900/30 text-lg font-semibold text-white">
            Drop the file to inspect it
          </div>
        )}
      </div>
    </>
  );
}
