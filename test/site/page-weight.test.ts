import { readFileSync } from 'node:fs';
import type { Element } from 'hast';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILDS, buildHas } from '../support/builds.ts';
import { parsePage } from '../support/html.ts';
import { domSize, gzipSize } from '../support/page-weight.ts';
import { builtPages } from '../support/site-pages.ts';

/** A page's HTML as a gzip-serving host sends it: a chapter must load like a plain documentation page. */
const HTML_BUDGET_BYTES = 60 * 1024;

/*
 * The DOM-size budget. Lighthouse warns above 800 elements and fails above 1,400, limits that suppose a page without
 * typeset math. Every equation here is KaTeX's HTML (spans for each glyph, strut and vlist: 88 elements for
 * `s_k = s_{k-1} w_rec + x_k w_x`) and its MathML for screen readers (29 more): the longest chapter (backpropagation
 * through time, 180 equations) has some 10,400 elements of math alone, and neither part can go without losing either
 * the typesetting or the accessible math. So the budget has parts:
 * - everything outside the equations (prose, figures, highlighted core source, tables, the site chrome) ≤ 3,000:
 *   twice Lighthouse's failing line, about the heaviest chapter's own figures and code today, and the part a new
 *   figure or demo adds to;
 * - all elements, math included, ≤ 14,000: the heaviest chapter with room for a few more equations, so a chapter that
 *   doubles its math is split rather than shipped;
 * - nesting ≤ 40 levels: an equation starts about 10 levels down (main, section, paragraph) and KaTeX's vlists nest
 *   26 to 32 more for a fraction or a subscript of a subscript;
 * - ≤ 200 children of one element (a table or an SVG with one mark per point is where this grows).
 */
const DOM_BUDGET = { outsideMath: 3_000, elements: 14_000, depth: 40, children: 200 };

/*
 * Text fields in the parsed page. Once a document is parsed, Chromium's form autofill reads every text field and lays
 * out what surrounds it; a field in a chapter block that content-visibility skips makes it lay out the whole cell then,
 * one long task per cell with a field (28 to 38 ms at load on /backpropagation-through-a-layer/, measured before the
 * cells' fields waited for hydration). So a cell's text field is server-rendered as a box (components/controls/
 * TextInput.tsx) and the only text field a page is parsed with is the site's search box, in the header.
 */
const TEXT_FIELD_TYPES = new Set(['', 'text', 'search', 'email', 'number', 'tel', 'url', 'password']);
const textFields = (elements: Element[]) =>
  elements
    .filter((node) => node.tagName === 'textarea' || (node.tagName === 'input' && TEXT_FIELD_TYPES.has(String(node.properties.type ?? ''))))
    .map((node) => `<${node.tagName}${node.properties.id ? ` id="${String(node.properties.id)}"` : ''}>`);

for (const { dir, base } of BUILDS) {
  describe(`page weight of the build in ${dir}/ (base ${base})`, () => {
    if (!buildHas(dir, 'index.html')) return;
    const rows = builtPages(dir).map((page) => {
      const html = readFileSync(join(dir, page));
      const parsed = parsePage(join(dir, page));
      return { page, raw: html.length, gzip: gzipSize(html), dom: domSize(parsed.tree), fields: textFields(parsed.elements) };
    });
    console.log(
      [
        `Page weight, ${dir}/ (KB; DOM: elements, of them in equations, depth, most children)`,
        ...rows.map(({ page, raw, gzip, dom }) =>
          [
            page.padEnd(46),
            `${(raw / 1024).toFixed(1).padStart(6)} raw`,
            `${(gzip / 1024).toFixed(1).padStart(5)} gzip`,
            `${String(dom.elements).padStart(6)} elements (${dom.math} math)`,
            `depth ${dom.depth}`,
            `children ${dom.children}`,
          ].join('  '),
        ),
      ].join('\n'),
    );

    it.each(rows)('$page: HTML ≤ 60 KB gzip', ({ gzip }) => {
      expect(gzip, 'gzip bytes of the HTML').toBeLessThanOrEqual(HTML_BUDGET_BYTES);
    });

    it.each(rows)('$page: parsed with no text field but the site search', ({ fields }) => {
      expect(fields.filter((field) => field !== '<input id="site-search">')).toEqual([]);
    });

    it.each(rows)('$page: DOM within the budget', ({ dom }) => {
      expect.soft(dom.elements - dom.math, 'elements outside the equations').toBeLessThanOrEqual(DOM_BUDGET.outsideMath);
      expect.soft(dom.elements, 'elements').toBeLessThanOrEqual(DOM_BUDGET.elements);
      expect.soft(dom.depth, 'deepest nesting').toBeLessThanOrEqual(DOM_BUDGET.depth);
      expect.soft(dom.children, 'most children of one element').toBeLessThanOrEqual(DOM_BUDGET.children);
    });
  });
}
