import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { builtPages, pagePath } from '../support/site-pages.ts';
import { builtPageNotebook } from '../support/page-notebook.ts';
import { gzipSize } from '../support/page-weight.ts';
import { launchBrowser, openPage, waitForIslands } from '../support/browser.ts';
import { DIST_DIR } from './global-setup.ts';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
const JS_BUDGET_BYTES = 60 * 1024;

/** Every page of the build, found by walking it: a new chapter is covered without editing a list. */
const pages = builtPages(DIST_DIR).map(pagePath);
/** Pages with a notebook state (and so a notebook bar that reports a bad link). */
const notebookPages = pages.filter((path) => readFileSync(`${DIST_DIR}/${path.endsWith('.html') ? path : `${path}index.html`}`, 'utf8').includes('class="notebook-bar"'));

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The axe-core violations on the page, as "rule: target" lines. */
async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated rather than added as an inline <script>, which the page's Content-Security-Policy refuses.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    return axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
  }, AXE_TAGS);
  return result.violations.flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`));
}

describe.each(pages)('page /%s', (path) => {
  // One load checks what needs JavaScript (problems, budget, axe in both themes, a narrow screen): page loads
  // dominate the suite's time.
  it('loads cleanly within the JS budget, has no axe violations in light and dark, and fits 360 px', async () => {
    const scripts = new Map<string, number>();
    const { page, problems, close } = await openPage(browser, `${inject('siteRoot')}${path}`, {
      colorScheme: 'light',
      watch: (page) =>
        page.on('response', async (response) => {
          if (response.request().resourceType() === 'script' || response.url().endsWith('.js')) {
            scripts.set(response.url(), gzipSize(await response.body()));
          }
        }),
    });
    await waitForIslands(page);
    await page.waitForLoadState('networkidle');
    expect.soft(problems, 'console errors, failed requests, requests off the origin').toEqual([]);

    // The JavaScript budget: every script loaded, plus scripts it refers to and loads later (workers, lazy chunks).
    const origin = new URL(inject('siteRoot')).origin;
    const bodies = await Promise.all([...scripts.keys()].map(async (url) => (await fetch(url)).text()));
    for (const body of bodies) {
      for (const match of body.matchAll(/["'`]([^"'`\s]*\/_astro\/[^"'`\s]+\.js)["'`]/g)) {
        const url = new URL(match[1], `${origin}/`).href;
        if (!scripts.has(url)) {
          const response = await fetch(url);
          if (response.ok) scripts.set(url, gzipSize(new Uint8Array(await response.arrayBuffer())));
        }
      }
    }
    const inline = await page.evaluate(() =>
      [...document.querySelectorAll('script:not([src])')].map((script) => script.textContent ?? '').join('\n'),
    );
    const total = [...scripts.values()].reduce((sum, size) => sum + size, 0) + gzipSize(inline);
    console.log(`JS budget /${path}: ${(total / 1024).toFixed(1)} KB gzip in ${scripts.size} files + inline`);
    expect.soft(total, 'gzip bytes of JavaScript').toBeLessThanOrEqual(JS_BUDGET_BYTES);

    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      expect(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toContain(colorScheme);
      expect.soft(await axeViolations(page), `axe violations, ${colorScheme} theme`).toEqual([]);
    }

    await page.setViewportSize({ width: 360, height: 740 });
    await page.waitForTimeout(300);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect.soft(overflow, 'horizontal overflow at 360 px').toBeLessThanOrEqual(0);
    await close();
  });

  it('reads without JavaScript: text, equations and server-rendered values are there', async () => {
    const { page, problems, close } = await openPage(browser, `${inject('siteRoot')}${path}`, { javaScriptEnabled: false });
    expect(await page.locator('h1').first().textContent()).toMatch(/\S/);
    const html = readFileSync(`${DIST_DIR}/${path.endsWith('.html') ? path : `${path}index.html`}`, 'utf8');
    const katexCount = (html.match(/class="katex"/g) ?? []).length;
    expect(await page.locator('.katex').count()).toBe(katexCount);
    if (katexCount > 0) expect(await page.locator('.katex math').count()).toBe(katexCount);
    for (const demo of await page.locator('[data-demo]').all()) {
      expect((await demo.textContent())?.trim().length, 'a server-rendered cell has content').toBeGreaterThan(0);
    }
    expect(problems).toEqual([]);
    await close();
  });
});

/** The keys of a notebook page's own state: a link's other keys are not the page's, and are named and left out. */
const pageKeys = (path: string) => builtPageNotebook(`${DIST_DIR}/${path}index.html`)?.keys ?? [];

describe.each(notebookPages)('notebook page /%s with a mangled URL', (path) => {
  it.each([
    // non-numeric weight and letters in the sequence
    ['?wRec=abc&x=01a1', ['"wRec"', '"x"']],
    // empty values
    ['?wRec=&x=', ['"wRec"', '"x"']],
    // a sequence of 1,001 steps
    [`?x=${'1'.repeat(1001)}`, ['"x"']],
    // markup in a value is quoted back as text, never run
    [`?wX=${encodeURIComponent('<img src=x onerror="window.__injected=1">')}&objective=%3Cscript%3Ewindow.__injected%3D1%3C%2Fscript%3E`, ['"wX"', '"objective"']],
  ])('%s: each bad key of the page is ignored with a notice naming it, without errors or injected markup', async (query, named) => {
    const keys = named.filter((key) => pageKeys(path).includes(JSON.parse(key)));
    const { page, problems, close } = await openPage(browser, `${inject('siteRoot')}${path}${query}`);
    await waitForIslands(page);
    const notices = page.locator('.notebook-bar .notice');
    // one notice per bad key of the page, and one naming the keys that are not the page's
    await expect.poll(() => notices.allTextContents()).toHaveLength(keys.length + (keys.length < named.length ? 1 : 0));
    const text = (await notices.allTextContents()).join(' ');
    for (const key of named) expect(text).toContain(key);
    expect(await page.evaluate(() => (window as unknown as { __injected?: number }).__injected)).toBeUndefined();
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    if (query.includes('img') && keys.includes('"wX"')) expect(text).toContain('<img src=x');
    expect(problems).toEqual([]);
    await close();
  });

  it('Restore defaults clears the state from the URL', async () => {
    // a setting of the page at no page's default: a weight, (the training chapter) a learning rate, (the next-word
    // chapter) its sentence, or (the LSTM chapter's race) its number of updates
    const keys = pageKeys(path);
    const [key, value] = keys.includes('wRec')
      ? ['wRec', '0.123']
      : keys.includes('lr')
        ? ['lr', '0.123']
        : keys.includes('sentence')
          ? ['sentence', 'we love rome']
          : ['updates', '123'];
    const { page, problems, close } = await openPage(browser, `${inject('siteRoot')}${path}?${key}=${value}`);
    await waitForIslands(page);
    await expect.poll(() => new URL(page.url()).searchParams.get(key)).toBe(value);
    await page.getByRole('button', { name: 'Restore defaults' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.has(key)).toBe(false);
    expect(problems).toEqual([]);
    await close();
  });
});

describe('site chrome', () => {
  it('the theme toggle switches to dark, is remembered, and applies before the body is drawn', async () => {
    const { page, close } = await openPage(browser, `${inject('siteRoot')}`, { colorScheme: 'light' });
    const toggle = page.getByRole('button', { name: 'Dark theme' });
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (document.body) {
          (window as unknown as { themeAtBody?: string }).themeAtBody = document.documentElement.dataset.theme;
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.reload();
    expect(await page.evaluate(() => (window as unknown as { themeAtBody?: string }).themeAtBody)).toBe('dark');
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    await close();
  });

  it('an unknown address gets the 404 page with the chapter list', async () => {
    const { page, problems, close } = await openPage(browser, `${inject('siteRoot')}no-such-chapter/`, { expectStatus: 404 });
    expect(await page.locator('h1').textContent()).toBe('Page not found');
    expect(await page.locator('main li a').count()).toBeGreaterThan(0);
    // Chromium logs the document's own 404 status to the console; that one is the point of this test.
    expect(problems.filter((problem) => !/status of 404/.test(problem))).toEqual([]);
    await close();
  });

  it.each([
    { root: 'siteRoot', where: 'the site at /' },
    { root: 'subSiteRoot', where: 'the site under /rnn/' },
  ] as const)('full-text search finds chapters ($where)', async ({ root }) => {
    const { page, problems, close } = await openPage(browser, `${inject(root)}search/?q=recurrent`);
    const results = page.locator('.pagefind-ui__result-link');
    await expect.poll(() => results.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    for (const href of await results.evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).pathname))) {
      expect(href.startsWith(new URL(inject(root)).pathname)).toBe(true);
    }
    expect(problems).toEqual([]);
    await close();
  });

  it('prints without the navigation and controls', async () => {
    const { page, close } = await openPage(browser, `${inject('siteRoot')}${notebookPages[0] ?? ''}`);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.chapter-nav').isVisible()).toBe(false);
    expect(await page.locator('.site-header nav').isVisible()).toBe(false);
    expect(await page.locator('h1').isVisible()).toBe(true);
    await close();
  });
});

describe.each(pages)('the sub-path build: page /rnn/%s', (path) => {
  it('loads, hydrates and fetches everything from under /rnn/', async () => {
    const { page, problems, close } = await openPage(browser, `${inject('subSiteRoot')}${path}`);
    await waitForIslands(page);
    await page.waitForLoadState('networkidle');
    expect(problems).toEqual([]);
    await close();
  });
});
