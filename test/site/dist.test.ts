import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chapterSlug, listChapterFiles } from '~/markdown/chapter-files.ts';
import { equationId, indexEquations } from '~/markdown/equation-index.ts';
import { BUILDS, buildHas } from '../support/builds.ts';
import { builtPages } from '../support/site-pages.ts';
import { hasClass, parsePage, references, type ParsedPage } from '../support/html.ts';

const CHAPTERS_DIR = 'content/chapters';
const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

for (const { dir, base } of BUILDS) {
  describe(`the build in ${dir}/ (base ${base})`, () => {
    if (!buildHas(dir, 'index.html')) return;

    const pages = builtPages(dir);
    const parsed = new Map<string, ParsedPage>(pages.map((page) => [page, parsePage(join(dir, page))]));

    /** The file a site URL path names, or undefined when it is outside the base or missing. */
    const fileFor = (pathname: string): string | undefined => {
      if (!pathname.startsWith(base)) return undefined;
      const rest = decodeURIComponent(pathname.slice(base.length));
      const candidates = rest === '' || rest.endsWith('/') ? [`${rest}index.html`] : [rest, `${rest}/index.html`, `${rest}.html`];
      return candidates.find((candidate) => existsSync(join(dir, candidate)));
    };
    /** The URL path of a built page. */
    const pathOf = (page: string) => `${base}${page.replace(/(^|\/)index\.html$/, '$1')}`;

    it('has a page for every chapter, the home page, search, a 404 page and a sitemap', () => {
      for (const file of listChapterFiles(CHAPTERS_DIR)) {
        expect(pages, file).toContain(`${chapterSlug(file)}/index.html`);
      }
      expect(pages).toEqual(expect.arrayContaining(['index.html', '404.html', 'search/index.html']));
      const sitemap = readFileSync(join(dir, 'sitemap-0.xml'), 'utf8');
      for (const file of listChapterFiles(CHAPTERS_DIR)) expect(sitemap).toContain(`${base}${chapterSlug(file)}/</loc>`);
      expect(existsSync(join(dir, 'pagefind', 'pagefind-ui.js')), 'the Pagefind index').toBe(true);
    });

    it.each(pages)('%s: every equation is KaTeX with MathML, and none failed', (page) => {
      const { elements } = parsed.get(page)!;
      const katex = elements.filter((node) => hasClass(node, 'katex'));
      expect(elements.filter((node) => hasClass(node, 'katex-error'))).toHaveLength(0);
      for (const node of katex) {
        const mathml = node.children.find((child) => child.type === 'element' && hasClass(child, 'katex-mathml'));
        expect(mathml, 'a .katex-mathml part').toBeDefined();
      }
    });

    it.each(pages)('%s: every internal link, asset and #anchor resolves, and nothing loads from another host', (page) => {
      const here = new URL(pathOf(page), 'http://site.test');
      const problems: string[] = [];
      for (const { url, loads, where } of references(parsed.get(page)!)) {
        if (EXTERNAL.test(url)) {
          if (url.startsWith('mailto:')) continue;
          if (loads) problems.push(`${where} loads from another host: ${url}`);
          else if (!/^https?:\/\//.test(url)) problems.push(`${where} uses an unexpected scheme: ${url}`);
          continue;
        }
        const target = new URL(url, here);
        if (target.pathname === here.pathname && target.search === '' && target.hash === '#') continue;
        const file = fileFor(target.pathname);
        if (!file) {
          problems.push(`${where} ${url} → ${target.pathname} is not in the build${target.pathname.startsWith(base) ? '' : ` (outside the base ${base})`}`);
          continue;
        }
        if (target.hash.length > 1 && file.endsWith('.html')) {
          const id = decodeURIComponent(target.hash.slice(1));
          const targetPage = parsed.get(file);
          if (!targetPage?.ids.has(id)) problems.push(`${where} ${url}: no element with id "${id}" in ${file}`);
        }
      }
      expect(problems).toEqual([]);
    });

    it('loads no stylesheet font or image from another host, and every url() in the CSS resolves', () => {
      const assets = join(dir, '_astro');
      const problems: string[] = [];
      for (const name of readdirSync(assets).filter((file) => file.endsWith('.css'))) {
        const css = readFileSync(join(assets, name), 'utf8');
        for (const match of css.matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)/g)) {
          const url = match[1];
          if (url.startsWith('data:')) continue;
          if (EXTERNAL.test(url)) {
            problems.push(`${name}: url(${url}) is on another host`);
            continue;
          }
          const target = new URL(url, `http://site.test${base}_astro/${name}`);
          if (!fileFor(target.pathname)) problems.push(`${name}: url(${url}) → ${target.pathname} is missing`);
        }
        expect(css).not.toMatch(/@import\s+(url\()?['"]?(https?:)?\/\//);
      }
      expect(problems).toEqual([]);
    });

    it('gives every labelled equation an anchor on its chapter page, numbered as the index says', () => {
      for (const entry of indexEquations(CHAPTERS_DIR).values()) {
        const page = parsed.get(`${entry.slug}/index.html`)!;
        const anchor = page.elements.find((node) => node.properties.id === equationId(entry.label));
        expect(anchor, `equation ${entry.label}`).toBeDefined();
        expect(anchor!.properties.dataEquation).toBe(String(entry.number));
      }
    });

    it('shows, in every cell, the core source it names, to the letter', () => {
      for (const [page, { elements }] of parsed) {
        for (const node of elements.filter((element) => typeof element.properties.dataSourcePath === 'string')) {
          const path = String(node.properties.dataSourcePath);
          const text = toText(node);
          expect(readFileSync(path, 'utf8'), `${page}: the code shown from ${path}`).toContain(text.trim());
        }
      }
    });
  });
}

/** The text content of a hast element (the highlighted code's characters). */
function toText(node: import('hast').Element): string {
  let text = '';
  const walk = (child: import('hast').ElementContent) => {
    if (child.type === 'text') text += child.value;
    else if (child.type === 'element') child.children.forEach(walk);
  };
  node.children.forEach(walk);
  return text;
}
