import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage } from '../support/browser.ts';
import { builtPages, pagePath } from '../support/site-pages.ts';
import { DIST_DIR } from './global-setup.ts';

// The longest chapter: some 180 formulas, each in KaTeX's HTML and its MathML.
const PATH = 'backpropagation-through-time/';
/** A phone's screen, as Lighthouse's mobile run uses. */
const PHONE = { viewport: { width: 412, height: 823 } };
/** The most layout shift a page may show (Core Web Vitals call 0.1 good; the site keeps to a tenth of that). */
const MOST_SHIFT = 0.01;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Whether the last formula of the chapter is rendered (styled, laid out, painted) right now. */
const lastFormulaRendered = (page: Page) =>
  page.locator('.prose .katex-html').last().evaluate((node) => node.checkVisibility({ contentVisibilityAuto: true }));

/** The page's cumulative layout shift so far, from the browser's own layout-shift entries. */
const layoutShift = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let total = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
            if (!entry.hadRecentInput) total += entry.value;
          }
        }).observe({ type: 'layout-shift', buffered: true });
        setTimeout(() => resolve(total), 100);
      }),
  );

/** Resolves after two frames, when what the last scroll brought near the viewport has been drawn. */
const twoFrames = (page: Page) =>
  page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));

describe('a long chapter', () => {
  it('renders the blocks near the viewport at load, the rest as the reader gets to them, without shifting', async () => {
    const { page, problems, close } = await openPage(browser, `${inject('siteRoot')}${PATH}`, PHONE);
    await twoFrames(page);
    expect(await lastFormulaRendered(page)).toBe(false);
    // still in the page for search engines, find-in-page and assistive technology
    expect(await page.locator('.prose .katex-mathml').last().textContent()).not.toBe('');
    // scrolled down as a reader does, a wheel turn at a time
    await page.mouse.move(200, 400);
    for (let turn = 0; turn < 100 && !(await lastFormulaRendered(page)); turn++) {
      await page.mouse.wheel(0, 400);
      await twoFrames(page);
    }
    expect(await lastFormulaRendered(page)).toBe(true);
    expect(await layoutShift(page)).toBeLessThanOrEqual(MOST_SHIFT);
    expect(problems).toEqual([]);
    await close();
  });

  it('a link to a section far down lands on its heading', async () => {
    const base = await openPage(browser, `${inject('siteRoot')}${PATH}`, PHONE);
    const id = await base.page.locator('.prose h2[id]').last().getAttribute('id');
    await base.close();
    const { page, problems, close } = await openPage(browser, `${inject('siteRoot')}${PATH}#${id}`, PHONE);
    await twoFrames(page);
    await twoFrames(page);
    const top = await page.locator(`[id="${id}"]`).evaluate((node) => node.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(-1);
    expect(top).toBeLessThan(100);
    expect(await layoutShift(page)).toBeLessThanOrEqual(MOST_SHIFT);
    expect(problems).toEqual([]);
    await close();
  });

  it('a reload keeps the reader where they were', async () => {
    const { page, problems, close } = await openPage(browser, `${inject('siteRoot')}${PATH}`, PHONE);
    const heading = page.locator('.prose h2[id]').nth(6);
    await heading.evaluate((node) => node.scrollIntoView({ block: 'start' }));
    await twoFrames(page);
    await twoFrames(page);
    const before = await heading.evaluate((node) => node.getBoundingClientRect().top);
    // The cells near the heading hydrate after the first paint; a reload while their scripts are still on the way
    // cancels those requests, which is the browser's doing, not a fault of the page.
    await page.waitForLoadState('networkidle');
    await page.reload({ waitUntil: 'load' });
    await twoFrames(page);
    await twoFrames(page);
    expect(Math.abs((await heading.evaluate((node) => node.getBoundingClientRect().top)) - before)).toBeLessThan(2);
    expect(problems).toEqual([]);
    await close();
  });

  it('prints every block', async () => {
    const { page, problems, close } = await openPage(browser, `${inject('siteRoot')}${PATH}`, PHONE);
    await page.emulateMedia({ media: 'print' });
    await twoFrames(page);
    expect(await lastFormulaRendered(page)).toBe(true);
    expect(problems).toEqual([]);
    await close();
  });
});

/** The chapters (pages whose article has a section heading), with the font files each preloads on every screen and on a wide one only. */
const chapters = builtPages(DIST_DIR)
  .map((file) => ({ path: pagePath(file), html: readFileSync(join(DIST_DIR, file), 'utf8') }))
  .filter(({ html }) => /<article\b[\s\S]*<h2\b/.test(html))
  .map(({ path, html }) => ({
    path,
    // the files the opening draws from, and those the first section adds (katex-font-subset.ts)
    opening: [...html.matchAll(/<link rel="preload" href="[^"]*\/([^"/]+\.woff2)"/g)].map((match) => match[1]),
    wideOnly: [...html.matchAll(/<link rel="preload" media="[^"]*" href="[^"]*\/([^"/]+\.woff2)"/g)].map((match) => match[1]),
  }));

/**
 * Whether what the first block after a chapter's first section heading holds is rendered (styled, laid out, painted)
 * now: the block's first element inside (content-visibility skips what a block holds, not the block).
 */
const firstSectionRendered = (page: Page) =>
  page.locator('.prose > h2 ~ * *').first().evaluate((node) => node.checkVisibility({ contentVisibilityAuto: true }));

describe('the first frame', () => {
  it('has chapters whose first section adds font files to the opening\'s', () => {
    expect(chapters.length).toBeGreaterThan(5);
    expect(chapters.filter((chapter) => chapter.wideOnly.length > 0).length).toBeGreaterThan(3);
  });

  it.each(chapters.map((chapter) => [chapter.path, chapter.opening, chapter.wideOnly] as const))(
    '/%s on a phone: the font files only its first section draws are requested after the first contentful paint',
    async (path, opening, wideOnly) => {
      const { page, problems, close } = await openPage(browser, `${inject('siteRoot')}${path}`, PHONE);
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      await page.waitForLoadState('networkidle');
      const { paint, fonts } = await page.evaluate(() => ({
        paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
        fonts: performance
          .getEntriesByType('resource')
          .filter((entry) => entry.name.endsWith('.woff2'))
          .map((entry) => ({ file: entry.name.replace(/^.*\//, ''), start: entry.startTime })),
      }));
      expect(paint).toBeGreaterThan(0);
      // the first section is near a phone's viewport: its files are fetched, once the opening is on screen
      const late = fonts.filter((font) => wideOnly.includes(font.file));
      expect(late.map((font) => font.file).sort()).toEqual([...wideOnly].sort());
      for (const font of late) expect(font.start, `${font.file} requested at ${font.start} ms, first paint at ${paint} ms`).toBeGreaterThan(paint);
      // and the opening's own, which the page preloads, before it
      const early = fonts.filter((font) => opening.includes(font.file));
      expect(early.map((font) => font.file).sort()).toEqual([...opening].sort());
      for (const font of early) expect(font.start, `${font.file} requested at ${font.start} ms, first paint at ${paint} ms`).toBeLessThan(paint);
      // and none of it leaves the first section undrawn once the page has loaded
      expect(await page.evaluate(() => 'openingFirst' in document.documentElement.dataset)).toBe(false);
      expect(await firstSectionRendered(page)).toBe(true);
      expect(await layoutShift(page)).toBeLessThanOrEqual(MOST_SHIFT);
      expect(problems).toEqual([]);
      await close();
    },
  );

  it('until then holds back the blocks after the first section heading on a phone, and on a phone only', async () => {
    const { page, problems, close } = await openPage(browser, `${inject('siteRoot')}the-model/`, PHONE);
    await twoFrames(page);
    expect(await firstSectionRendered(page)).toBe(true);
    await page.evaluate(() => {
      document.documentElement.dataset.openingFirst = '';
    });
    await twoFrames(page);
    expect(await firstSectionRendered(page)).toBe(false);
    // the opening and the first section's heading are drawn
    expect(await page.locator('.prose > h2').first().evaluate((node) => node.checkVisibility({ contentVisibilityAuto: true }))).toBe(true);
    expect(await page.locator('.prose > p').first().evaluate((node) => node.checkVisibility({ contentVisibilityAuto: true }))).toBe(true);
    // a wide screen shows the first section on its first screen, and draws it at once
    await page.setViewportSize({ width: 1280, height: 900 });
    await twoFrames(page);
    expect(await firstSectionRendered(page)).toBe(true);
    expect(problems).toEqual([]);
    await close();
  });

  it('is the opening on a fresh visit, and not on a page that opens at a link\'s target', async () => {
    /** The values data-opening-first took on the root element as the page loaded (null: removed). */
    const trail = async (url: string) => {
      const { page, problems, close } = await openPage(browser, url, {
        ...PHONE,
        watch: (page) =>
          page.addInitScript(() => {
            const seen: (string | null)[] = [];
            (window as unknown as { openingFirstTrail: (string | null)[] }).openingFirstTrail = seen;
            // the document, as the root element may not be parsed yet
            new MutationObserver((records) => {
              for (const record of records) {
                if (record.target === document.documentElement) seen.push(document.documentElement.getAttribute(record.attributeName!));
              }
            }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-opening-first'] });
          }),
      });
      // openPage has waited for the first frame and the blocks below it
      await twoFrames(page);
      const seen = await page.evaluate(() => (window as unknown as { openingFirstTrail: (string | null)[] }).openingFirstTrail);
      expect(problems).toEqual([]);
      await close();
      return seen;
    };
    expect(await trail(`${inject('siteRoot')}the-model/`)).toEqual(['', null]);
    expect(await trail(`${inject('siteRoot')}the-model/#eq-forward`)).toEqual([]);
  });
});

describe('highlighted source', () => {
  it("colours every token of a cell's code by its class, in the light theme and the dark", async () => {
    const { page, problems, close } = await openPage(browser, `${inject('siteRoot')}the-model/`, { colorScheme: 'light' });
    const details = page.locator('.cell-source details').first();
    await details.locator('summary').click();
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      // Each token's class names its two colours (t<light>-<dark>): the colour drawn must be the theme's one.
      const tokens = await details.locator('pre.astro-code span.line > span').evaluateAll((spans) =>
        spans.map((span) => ({ name: span.className, color: getComputedStyle(span).color, style: span.getAttribute('style') })),
      );
      expect(tokens.length).toBeGreaterThan(20);
      const hex = (rgb: string) => `${rgb.match(/\d+/g)!.slice(0, 3).map((n) => Number(n).toString(16).padStart(2, '0')).join('')}`;
      const wrong = tokens.filter(({ name, color, style }) => {
        const match = /^t([0-9a-f]{6})-([0-9a-f]{6})$/.exec(name);
        return style !== null || !match || hex(color) !== (colorScheme === 'light' ? match[1] : match[2]);
      });
      expect(wrong, `${colorScheme} theme`).toEqual([]);
    }
    expect(new Set(await details.locator('pre.astro-code span.line > span').evaluateAll((spans) => spans.map((s) => s.className))).size).toBeGreaterThan(2);
    expect(problems).toEqual([]);
    await close();
  });
});
