import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { describe, expect, it } from 'vitest';
import { BUILDS, buildHas } from '../support/builds.ts';
import { builtPages, pagePath } from '../support/site-pages.ts';
import { hasClass } from '../support/html.ts';

/** The policy every page has, apart from the hashes of its own inline code; the search page also runs WebAssembly. */
const FIXED_SOURCES = (wasm: boolean): Record<string, string[]> => ({
  'default-src': ["'self'"],
  'script-src': ["'self'", ...(wasm ? ["'wasm-unsafe-eval'"] : [])],
  'style-src-elem': ["'self'"],
  'style-src-attr': ["'unsafe-inline'"],
  'img-src': ["'self'"],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'worker-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
});
const HASH = /^'sha256-[A-Za-z0-9+/]{43}='$/;

/** An element with every element above it, in document order. */
interface Placed {
  node: Element;
  ancestors: Element[];
}

function elementsOf(tree: Root): Placed[] {
  const found: Placed[] = [];
  const walk = (children: RootContent[], ancestors: Element[]) => {
    for (const child of children) {
      if (child.type !== 'element') continue;
      found.push({ node: child, ancestors });
      walk(child.tagName === 'template' && child.content ? child.content.children : child.children, [...ancestors, child]);
    }
  };
  walk(tree.children, []);
  return found;
}

/** The text of a raw-text element (script, style), as the browser hashes it. */
const textOf = (node: Element) => node.children.map((child) => (child.type === 'text' ? child.value : '')).join('');
const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** Every file under a folder with one of the extensions, relative to the folder. */
const filesIn = (dir: string, extension: string) =>
  existsSync(dir) ? readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith(extension)) : [];

for (const { dir, base } of BUILDS) {
  describe(`the Content-Security-Policy of the build in ${dir}/ (base ${base})`, () => {
    if (!buildHas(dir, 'index.html')) return;

    it.each(builtPages(dir))('%s carries one policy, before anything it loads, with exactly the expected directives', (page) => {
      const elements = elementsOf(fromHtml(readFileSync(join(dir, page), 'utf8')));
      const metas = elements.filter(({ node }) => node.tagName === 'meta' && String(node.properties.httpEquiv).toLowerCase() === 'content-security-policy');
      expect(metas, 'one <meta http-equiv="Content-Security-Policy">').toHaveLength(1);
      const [meta] = metas;
      expect(meta.ancestors.map((a) => a.tagName)).toEqual(['html', 'head']);
      const firstLoad = elements.findIndex(({ node }) => ['script', 'style', 'link'].includes(node.tagName));
      expect(elements.indexOf(meta), 'the policy comes before the first script, style or link').toBeLessThan(firstLoad);

      const directives = String(meta.node.properties.content)
        .split(';')
        .map((directive) => directive.trim().split(/\s+/));
      const policy = new Map(directives.map(([name, ...sources]) => [name, sources]));
      expect(policy.size, 'no directive given twice').toBe(directives.length);
      const expected = FIXED_SOURCES(pagePath(page) === 'search/');
      expect([...policy.keys()].sort()).toEqual(Object.keys(expected).sort());
      for (const [name, sources] of Object.entries(expected)) {
        expect(policy.get(name)?.filter((source) => !HASH.test(source)), name).toEqual(sources);
      }
      for (const name of Object.keys(expected).filter((name) => name !== 'script-src' && name !== 'style-src-elem')) {
        expect(policy.get(name)?.filter((source) => HASH.test(source)), `${name} has no hashes`).toEqual([]);
      }

      // The hashes are exactly those of the page's inline scripts and styles: none missing, none to spare.
      const inline = (tag: string) =>
        new Set(elements.filter(({ node }) => node.tagName === tag && node.properties.src === undefined).map(({ node }) => sha256(textOf(node))));
      expect(new Set(policy.get('script-src')?.filter((source) => HASH.test(source))), 'script hashes').toEqual(inline('script'));
      expect(new Set(policy.get('style-src-elem')?.filter((source) => HASH.test(source))), 'style hashes').toEqual(inline('style'));
    });

    it.each(builtPages(dir))('%s has style attributes only in KaTeX and the highlighted source', (page) => {
      const elements = elementsOf(fromHtml(readFileSync(join(dir, page), 'utf8')));
      const allowed = ({ node, ancestors }: Placed) =>
        [node, ...ancestors].some((element) => hasClass(element, 'katex') || (element.tagName === 'pre' && hasClass(element, 'astro-code')));
      const stray = elements
        .filter((placed) => placed.node.properties.style !== undefined && !allowed(placed))
        .map(({ node, ancestors }) => `${[...ancestors.slice(-2), node].map((e) => e.tagName).join(' > ')}: ${String(node.properties.style)}`);
      expect(stray).toEqual([]);
    });

    it('serves fonts and images from files: no stylesheet has a data: URL', () => {
      const dataUrls = filesIn(join(dir, '_astro'), '.css').flatMap((file) =>
        [...readFileSync(join(dir, '_astro', file), 'utf8').matchAll(/url\(\s*['"]?(data:[^,;]{0,40})/g)].map((match) => `${file}: ${match[1]}`),
      );
      expect(dataUrls).toEqual([]);
    });

    it('starts workers from files, never from blob: or data: URLs', () => {
      const scripts = filesIn(join(dir, '_astro'), '.js').map((file) => readFileSync(join(dir, '_astro', file), 'utf8'));
      const workers = scripts.flatMap((code) => [...code.matchAll(/new (?:Shared)?Worker\(\s*new URL\(\s*[`'"]([^`'"]+)[`'"]/g)].map((match) => match[1]));
      expect(workers.length, 'the site has workers').toBeGreaterThan(0);
      for (const url of workers) {
        expect(url.startsWith(`${base}_astro/`), url).toBe(true);
        expect(existsSync(join(dir, url.slice(base.length))), url).toBe(true);
      }
      expect(scripts.filter((code) => /createObjectURL|data:(?:text|application)\/javascript/.test(code))).toEqual([]);
    });
  });
}
