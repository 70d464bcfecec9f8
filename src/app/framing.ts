/**
 * Another site could show this app in a frame and trick the user into pasting a token into it or
 * clicking through it (clickjacking). `frame-ancestors 'none'` prevents that, but only when the
 * server sends the policy as a header: browsers ignore it in a `<meta>` policy, and static hosts
 * such as GitHub Pages send no headers. So the app itself does not run inside any frame.
 */
export function isFramed(): boolean {
  try {
    return window.top !== window.self;
  } catch {
    // A browser that will not even compare the two windows is framed by someone else.
    return true;
  }
}

/** Replaces the page's content with a short message and a link that opens the app on its own. */
export function showFramedNotice(root: HTMLElement): void {
  const box = document.createElement('div');
  box.className = 'mx-auto max-w-xl space-y-2 p-4 text-sm';
  box.setAttribute('data-testid', 'framed-notice');
  const title = document.createElement('h1');
  title.className = 'text-lg font-bold';
  title.textContent = 'SA Token Inspector does not run inside another page';
  const why = document.createElement('p');
  why.textContent = 'A page that shows it in a frame can disguise it and trick you into pasting a token or clicking something you did not mean to. Open it in its own tab instead.';
  const link = document.createElement('a');
  // Without the fragment: whatever the framing page put there is not carried along.
  link.href = window.location.href.split('#')[0] ?? '';
  link.target = '_blank';
  link.rel = 'noopener noreferrer';
  link.className = 'underline';
  link.textContent = 'Open SA Token Inspector in a new tab';
  box.append(title, why, link);
  root.replaceChildren(box);
}
