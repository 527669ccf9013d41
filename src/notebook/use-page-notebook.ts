import { useContext, useEffect, useMemo, useState } from 'preact/hooks';
import { CellVisibility } from './cell-visibility.ts';
import { getNotebook, notebookView, staticNotebook, type Notebook } from './notebook.ts';
import { pageDefaults, type DeclaredDefaults } from './schema.ts';

/**
 * The page's notebook for an island. The first render (on the server, and the hydrating one in the browser)
 * uses the page's defaults so the markup matches; after mounting, the island follows the shared, URL-backed one,
 * through a view that holds still while its cell is off screen (see {@link notebookView}).
 */
export function usePageNotebook(declared?: DeclaredDefaults): Notebook {
  const defaults = useMemo(() => pageDefaults(declared), [declared]);
  const fixed = useMemo(() => staticNotebook(defaults), [defaults]);
  const visible = useContext(CellVisibility);
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  const view = useMemo(
    () => (mounted && visible ? notebookView(getNotebook(defaults), visible) : null),
    [mounted, visible, defaults],
  );
  useEffect(() => view?.dispose, [view]);
  if (!mounted) return fixed;
  return view ? view.notebook : getNotebook(defaults);
}
