import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { contentHash, htmlFiles } from './built-files.ts';

/** A `<link rel="stylesheet" href="…">` tag of a built page (Astro writes `rel` first and one tag per file). */
const STYLESHEET_LINK = /<link\s+rel="stylesheet"\s+href="([^"]+)"\s*\/?>/g;

/** Whether a stylesheet link names one of the build's own files (in `_astro/`), not another's (Pagefind's). */
function isBuildStylesheet(link: RegExpMatchArray): boolean {
  return /(^|\/)_astro\/[^/]+\.css$/.test(link[1]);
}

/** The page's links to the build's own stylesheets, in its order (`[0]` the tag, `[1]` the href, `.index` where). */
export function buildStylesheetLinks(html: string): RegExpExecArray[] {
  return [...html.matchAll(STYLESHEET_LINK)].filter(isBuildStylesheet);
}

/** What {@link bundleStylesheets} did to one page. */
export interface BundledPage {
  /** The page's HTML with its stylesheet links replaced by one link to the bundle (unchanged when it had < 2). */
  html: string;
  /** The bundle's file name under `_astro/` and its text, when one was made. */
  bundle?: { name: string; css: string };
}

/**
 * Replaces a page's stylesheet links by a single link to their concatenation, in the page's order so the cascade is
 * unchanged. `read` returns a linked file's text from its href; the bundle is named by a hash of its text, so pages
 * that link the same stylesheets share one file (and one cache entry). Every file sits in `_astro/`, so `url()`s
 * relative to a file stay right in the bundle.
 */
export function bundleStylesheets(html: string, read: (href: string) => string): BundledPage {
  const links = [...html.matchAll(STYLESHEET_LINK)];
  const ours = links.filter(isBuildStylesheet);
  if (ours.length < 2) return { html };
  // Another stylesheet (Pagefind's) between two of ours would move in the cascade: refuse rather than reorder.
  const first = links.indexOf(ours[0]);
  if (links.slice(first, first + ours.length).some((link) => !ours.includes(link))) {
    throw new Error(`another stylesheet sits between the build's own: ${links.map((link) => link[1]).join(', ')}`);
  }
  const hrefs = ours.map((link) => link[1]);
  const folder = hrefs[0].slice(0, hrefs[0].lastIndexOf('/') + 1);
  if (hrefs.some((href) => !href.startsWith(folder))) throw new Error(`stylesheets under two bases: ${hrefs.join(', ')}`);
  const css = hrefs.map((href) => read(href).trim()).join('\n');
  if (/@import\b/.test(css)) throw new Error('a stylesheet @imports another: bundling would change its order');
  const name = `pages.${contentHash(css)}.css`;
  const replaced = new Set(ours.map((link) => link.index));
  const bundled = html.replace(STYLESHEET_LINK, (tag, _href, index: number) => {
    if (!replaced.has(index)) return tag;
    return index === ours[0].index ? `<link rel="stylesheet" href="${folder}${name}">` : '';
  });
  return { html: bundled, bundle: { name, css } };
}

/**
 * After the build, gives every page one stylesheet instead of one per component: a chapter links about 14 small
 * files (11 KB gzip in all), each of which would block the first paint for a round trip of its own. The bundle is a
 * file, so the next chapter a reader opens takes it from the cache, and the HTML stays small.
 * Runs after anything that rewrites stylesheets (the KaTeX font subset), before the Content-Security-Policy.
 */
export function stylesheetBundle(): AstroIntegration {
  return {
    name: 'rnn-notebook:stylesheet-bundle',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const assets = join(root, '_astro');
        const read = (href: string) => {
          const file = join(assets, href.slice(href.lastIndexOf('/') + 1));
          if (!existsSync(file)) throw new Error(`a page links ${href}, which is not in the build's _astro/`);
          return readFileSync(file, 'utf8');
        };
        const bundles = new Set<string>();
        let pages = 0;
        for (const file of htmlFiles(root)) {
          try {
            const { html, bundle } = bundleStylesheets(readFileSync(file, 'utf8'), read);
            if (!bundle) continue;
            if (!bundles.has(bundle.name)) writeFileSync(join(assets, bundle.name), `${bundle.css}\n`);
            bundles.add(bundle.name);
            writeFileSync(file, html);
            pages += 1;
          } catch (error) {
            throw new Error(`${relative(root, file)}: ${(error as Error).message}`, { cause: error });
          }
        }
        logger.info(`${pages} pages now link one stylesheet (${bundles.size} bundle${bundles.size === 1 ? '' : 's'})`);
      },
    },
  };
}
