import { readFileSync } from 'node:fs';
import type { PageNotebook } from '~/notebook/page.ts';

/** Astro's serialised island props: each value is [0, value] (objects hold serialised values too) or [1, array]. */
function revive(entry: unknown): unknown {
  if (!Array.isArray(entry)) return entry;
  const [kind, value] = entry as [number, unknown];
  if (kind === 1) return (value as unknown[]).map(revive);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, revive(inner)]));
  }
  return value;
}

/** The `notebook` prop of every island in a built HTML file, in document order. */
export function islandNotebooks(htmlFile: string): PageNotebook[] {
  const html = readFileSync(htmlFile, 'utf8');
  const found: PageNotebook[] = [];
  for (const match of html.matchAll(/<astro-island[^>]*?\sprops="([^"]*)"/g)) {
    const props = JSON.parse(match[1].replaceAll('&quot;', '"').replaceAll('&amp;', '&')) as Record<string, unknown>;
    if ('notebook' in props) found.push(revive(props.notebook) as PageNotebook);
  }
  return found;
}

/** The notebook a built page's chapter layout handed its islands (the first island's; every island gets the same). */
export function builtPageNotebook(htmlFile: string): PageNotebook | undefined {
  return islandNotebooks(htmlFile)[0];
}
