import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { contentHash, htmlFiles, requiredAssetBase } from './built-files.ts';
import { openingEnd } from './chapter-parts.ts';
import { afterFirstPaint } from '../site/after-first-paint.ts';

/** An inline classic `<script>` of a built page (Astro writes its island scripts without attributes). */
const INLINE_SCRIPT = /<script>([\s\S]*?)<\/script>/g;

/**
 * Whether an inline script is one Astro writes for its islands: the `<astro-island>` element's runtime, or a client
 * directive's (`client:afterload`, …), which registers itself on `self.Astro` and announces itself with an event.
 */
export function isIslandScript(text: string): boolean {
  return isIslandRuntime(text) || /\(self\.Astro\|\|\(self\.Astro=\{\}\)\)\.\w+=/.test(text);
}

/** Whether an inline script is the one that defines the `<astro-island>` element. */
function isIslandRuntime(text: string): boolean {
  return /customElements\.define\(\s*"astro-island"/.test(text);
}

/** The island scripts of a page, in its order. */
export function islandScripts(html: string): string[] {
  return [...html.matchAll(INLINE_SCRIPT)].map((match) => match[1]).filter(isIslandScript);
}

/**
 * The text of the one file that replaces every page's island scripts: each distinct script once, the directives first
 * and the runtime last. Defining `<astro-island>` upgrades the islands already parsed at once, and each looks its
 * directive up on the global `Astro` the directives create, so they must have run. A page that has no island using
 * a directive loses nothing by having it defined.
 */
export function islandRuntime(scripts: Iterable<string>): string {
  const distinct = [...new Set(scripts)];
  const runtime = distinct.filter(isIslandRuntime);
  if (runtime.length !== 1) throw new Error(`expected one island runtime across the pages, found ${runtime.length}`);
  const directives = distinct.filter((script) => !runtime.includes(script)).sort();
  return `${[...directives, ...runtime].map((script) => script.trim()).join('\n')}\n`;
}

/** The file name of {@link islandRuntime}'s text, named by its content so a changed runtime is a new file. */
export function islandRuntimeName(js: string): string {
  return `islands.${contentHash(js)}.js`;
}

/**
 * The inline script that loads the file at `src` once the page has loaded and painted its first frame
 * ({@link afterFirstPaint}, the function the directives wait with, inlined from its own source): every island
 * hydrates after that frame anyway, and a script fetched before it would compete with the first screen.
 */
export function islandRuntimeLoader(src: string): string {
  const url = JSON.stringify(src).replaceAll('<', '\\u003c');
  return `(${afterFirstPaint.toString()})(()=>{const s=document.createElement("script");s.src=${url};document.head.append(s)})`;
}

/**
 * Where a page's loader goes: before the first section heading of its article, if it has one. An inline script waits
 * for the stylesheet above it, and the parser with it: when the stylesheet comes after the parser has got there, the
 * browser draws its first frame as soon as the stylesheet is in, without parsing the sections first. What that frame
 * draws is the chapter's opening either way (first-frame.js holds back the blocks below on a phone). Anywhere else,
 * where the first island script was.
 */
function loaderPosition(html: string, firstScript: number): number {
  return openingEnd(html) ?? firstScript;
}

/**
 * A page with its island scripts removed and the {@link islandRuntimeLoader} of the shared file put in (see
 * {@link loaderPosition}). `src` is the file's URL as the page names its other assets (so it holds under a sub-path).
 * A page without island scripts is returned as it is.
 */
export function linkIslandRuntime(html: string, src: string): string {
  const first = [...html.matchAll(INLINE_SCRIPT)].find((match) => isIslandScript(match[1]));
  if (!first) return html;
  // Nothing before the first island script is removed: it stays where it was in the page without them.
  const stripped = html.replace(INLINE_SCRIPT, (tag, text: string) => (isIslandScript(text) ? '' : tag));
  const position = loaderPosition(stripped, first.index);
  return `${stripped.slice(0, position)}<script>${islandRuntimeLoader(src)}</script>${stripped.slice(position)}`;
}

/**
 * After the build, moves the scripts Astro inlines into every page with islands (the `<astro-island>` runtime and the
 * client directives: 6 KB, about 2.7 KB gzip) into one file that every chapter shares. The HTML a reader downloads
 * before anything can be drawn shrinks by that much on each chapter, and from the second chapter on the file comes
 * from the cache. A small inline loader fetches it after the first paint, when the islands' directives would start
 * hydrating. Runs before the Content-Security-Policy, which hashes the loader (`'self'` allows the file).
 */
export function islandRuntimeFile(): AstroIntegration {
  return {
    name: 'rnn-notebook:island-runtime-file',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const pages = htmlFiles(root)
          .map((file) => {
            const html = readFileSync(file, 'utf8');
            return { file, html, scripts: islandScripts(html) };
          })
          .filter((page) => page.scripts.length > 0);
        if (pages.length === 0) return;
        const js = islandRuntime(pages.flatMap((page) => page.scripts));
        const name = islandRuntimeName(js);
        writeFileSync(join(root, '_astro', name), js);
        for (const { file, html } of pages) {
          const assets = requiredAssetBase(html, relative(root, file));
          writeFileSync(file, linkIslandRuntime(html, `${assets}_astro/${name}`));
        }
        logger.info(`${pages.length} pages load the island runtime from _astro/${name} (${(js.length / 1024).toFixed(1)} KB)`);
      },
    },
  };
}
