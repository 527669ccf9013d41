import { useEffect, useMemo, useState } from 'preact/hooks';
import { getNotebook, staticNotebook, type Notebook } from './notebook.ts';
import { pageDefaults, type DeclaredDefaults } from './schema.ts';

/**
 * The page's notebook for an island. The first render (on the server, and the hydrating one in the browser)
 * uses the page's defaults so the markup matches; after mounting, the island follows the shared, URL-backed one.
 */
export function usePageNotebook(declared?: DeclaredDefaults): Notebook {
  const defaults = useMemo(() => pageDefaults(declared), [declared]);
  const fixed = useMemo(() => staticNotebook(defaults), [defaults]);
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  return mounted ? getNotebook(defaults) : fixed;
}
