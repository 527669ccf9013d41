import { afterFirstPaint } from './after-first-paint.ts';

interface PagefindUIOptions {
  element: string;
  bundlePath: string;
  showSubResults?: boolean;
  showImages?: boolean;
  autofocus?: boolean;
}
declare global {
  interface Window {
    PagefindUI?: new (options: PagefindUIOptions) => { triggerSearch(term: string): void };
  }
}

/**
 * Loads Pagefind's search UI from the site's own build (`pagefind/`) once the page has loaded and painted, then runs
 * the query from `?q=`. Its script and stylesheet (about 33 KB) then never compete with what the first paint waits for,
 * and the page's text is on screen while they arrive.
 */
export function startSearch(): void {
  afterFirstPaint(loadSearch);
}

function loadSearch(): void {
  const host = document.getElementById('search');
  const status = document.getElementById('search-status');
  if (!host || !status) return;
  const bundle = host.dataset.bundle ?? '/pagefind/';
  const fail = () => {
    status.textContent = 'The search index is not available (it is built by `npm run build`).';
  };
  const style = document.createElement('link');
  style.rel = 'stylesheet';
  style.href = `${bundle}pagefind-ui.css`;
  document.head.append(style);
  const script = document.createElement('script');
  script.src = `${bundle}pagefind-ui.js`;
  script.onerror = fail;
  script.onload = () => {
    if (!window.PagefindUI) return fail();
    const ui = new window.PagefindUI({ element: '#search', bundlePath: bundle, showSubResults: true, showImages: false, autofocus: true });
    const query = new URLSearchParams(location.search).get('q');
    if (query) ui.triggerSearch(query);
  };
  document.head.append(script);
}
