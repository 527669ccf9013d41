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

/** Loads Pagefind's search UI from the site's own build (`pagefind/`), then runs the query from `?q=`. */
export function startSearch(): void {
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
