import { signal } from '@preact/signals';
import { useContext, useEffect, useMemo, useState } from 'preact/hooks';
import { CellVisibility } from './cell-visibility.ts';
import { getNotebook, notebookView, staticNotebook, type Notebook } from './notebook.ts';
import type { PageNotebook } from './page.ts';
import type { ParamKey } from './params.ts';

/** Outside a cell (the notebook bar) an island always follows the page. */
const ALWAYS = signal(true);

/**
 * The page's notebook for an island, limited to the keys it reads. The first render (on the server, and the
 * hydrating one in the browser) uses the page's defaults so the markup matches; after mounting, the island follows
 * the shared, URL-backed one, through a view that holds still while its cell is off screen (see {@link notebookView}).
 */
export function usePageNotebook<K extends ParamKey>(page: PageNotebook, keys: readonly K[]): Notebook<K> {
  const fixed = useMemo(() => staticNotebook<K>(page), [page]);
  const visible = useContext(CellVisibility);
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  const view = useMemo(
    () => (mounted ? notebookView(getNotebook(page), keys, visible ?? ALWAYS) : null),
    [mounted, visible, page],
  );
  useEffect(() => view?.dispose, [view]);
  return view ? view.notebook : fixed;
}
