import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, lookAt, openPage, waitForIslands } from '../support/browser.ts';

// What a page does for its first screen on a phone: what it draws, fetches and hydrates before and after that screen
// is up, and what it leaves for assistive technology.

/** A phone's screen, as Lighthouse's mobile run uses. */
const PHONE = { viewport: { width: 412, height: 823 } };
/** A desktop's screen. */
const DESKTOP = { viewport: { width: 1280, height: 900 } };
// The longest chapter: some 180 formulas.
const LONG = 'backpropagation-through-time/';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** When the first contentful paint happened, and when each script and stylesheet the page fetched was requested (ms). */
const timeline = (page: Page) =>
  page.evaluate(() => ({
    firstPaint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
    fetched: (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter((entry) => /\.(js|css)$/.test(new URL(entry.name).pathname))
      .map((entry) => ({ path: new URL(entry.name).pathname, start: entry.startTime })),
  }));

describe('the chapter list', () => {
  it('is folded on a phone, under a summary that unfolds it from the keyboard', async () => {
    const { page, problems, close } = await openPage(browser, `${inject('siteRoot')}${LONG}`, PHONE);
    const nav = page.getByRole('navigation', { name: 'Chapters' });
    const first = nav.getByRole('link', { name: /^1\. / });
    expect(await first.isVisible()).toBe(false);
    // the chapter's title and opening are on the first screen, not below the list
    expect(await page.locator('h1').evaluate((node) => node.getBoundingClientRect().bottom)).toBeLessThan(PHONE.viewport.height / 2);
    const summary = nav.locator('summary');
    await summary.focus();
    await page.keyboard.press('Enter');
    expect(await first.isVisible()).toBe(true);
    expect(await nav.locator('a[aria-current="page"]').isVisible()).toBe(true);
    expect(problems).toEqual([]);
    await close();
  });

  it('is open beside the chapter on a desktop, with no summary to unfold it', async () => {
    const { page, problems, close } = await openPage(browser, `${inject('siteRoot')}${LONG}`, DESKTOP);
    const nav = page.getByRole('navigation', { name: 'Chapters' });
    expect(await nav.locator('summary').isVisible()).toBe(false);
    const links = nav.getByRole('link');
    expect(await links.count()).toBeGreaterThan(5);
    for (const link of await links.all()) expect(await link.isVisible()).toBe(true);
    // reached by the keyboard in the page's order, right after the header
    await page.locator('[data-theme-toggle]').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('nav')?.getAttribute('aria-label'))).toBe('Chapters');
    expect(problems).toEqual([]);
    await close();
  });
});

describe('before and after the first paint', () => {
  it.each(['the-model/', 'counting-ones/', LONG])(
    '/%s fetches no cell script before its first screen is painted, and hydrates its cells after',
    async (path) => {
      const { page, problems, close } = await openPage(browser, `${inject('siteRoot')}${path}`, PHONE);
      await page.waitForFunction(() => document.querySelectorAll('astro-island').length > document.querySelectorAll('astro-island[ssr]').length, undefined, { timeout: 15_000 });
      const { firstPaint, fetched } = await timeline(page);
      expect(firstPaint).toBeGreaterThan(0);
      const scripts = fetched.filter((entry) => entry.path.endsWith('.js'));
      expect(scripts.length).toBeGreaterThan(0);
      for (const script of scripts) expect(script.start, script.path).toBeGreaterThanOrEqual(firstPaint);
      expect(problems).toEqual([]);
      await close();
    },
  );

  it('the search page fetches its search interface after its first paint, and it works', async () => {
    const { page, problems, close } = await openPage(browser, `${inject('siteRoot')}search/?q=recurrent`, PHONE);
    await expect.poll(() => page.locator('.pagefind-ui__result-link').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    const { firstPaint, fetched } = await timeline(page);
    const pagefind = fetched.filter((entry) => entry.path.includes('/pagefind/pagefind-ui.'));
    expect(pagefind.map((entry) => entry.path.replace(/.*\//, '')).sort()).toEqual(['pagefind-ui.css', 'pagefind-ui.js']);
    for (const entry of pagefind) expect(entry.start, entry.path).toBeGreaterThanOrEqual(firstPaint);
    expect(problems).toEqual([]);
    await close();
  });

  it('the forward cell’s step equation draws from the fonts the page’s math loads, no others', async () => {
    const { page, problems, close } = await openPage(browser, `${inject('siteRoot')}counting-ones/`, PHONE);
    await waitForIslands(page);
    const equation = page.locator('.step-equation');
    await equation.scrollIntoViewIfNeeded();
    await page.evaluate(() => document.fonts.ready);
    const faces = await page.evaluate(() =>
      [...document.fonts].filter((face) => face.status === 'loaded' && face.family.includes('KaTeX')).map((face) => `${face.family.replace(/"/g, '')} ${face.style} ${face.weight}`),
    );
    // KaTeX_Main upright and KaTeX_Math italic, as the math around it; not a bold or an italic KaTeX_Main of its own
    expect(faces).toEqual(expect.arrayContaining(['KaTeX_Main normal 400', 'KaTeX_Math italic 400']));
    expect(faces.filter((face) => face.startsWith('KaTeX_Main ') && face !== 'KaTeX_Main normal 400')).toEqual([]);
    expect(problems).toEqual([]);
    await close();
  });
});

describe('what assistive technology gets from a long chapter', () => {
  // With a screen reader running, Chromium keeps its whole accessibility tree: the flag asks for the same.
  let reader: Browser;
  beforeAll(async () => {
    reader = await launchBrowser(['--force-renderer-accessibility']);
  });
  afterAll(async () => {
    await reader?.close();
  });

  it('every formula as MathML and every section by its heading, drawn on screen or not yet', async () => {
    const { page, problems, close } = await openPage(reader, `${inject('siteRoot')}${LONG}`, PHONE);
    const cdp = await page.context().newCDPSession(page);
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { ignored: boolean; role?: { value: string }; name?: { value: string } }[] };
    const exposed = nodes.filter((node) => !node.ignored);
    // each formula's MathML, though none of it is laid out (global.css keeps it off screen)
    const formulas = await page.locator('.prose .katex').count();
    expect(formulas).toBeGreaterThan(100);
    expect(exposed.filter((node) => node.role?.value === 'MathMLMath')).toHaveLength(formulas);
    expect(exposed.filter((node) => node.role?.value === 'MathMLIdentifier').length).toBeGreaterThan(formulas);
    // each section heading with its words, the ones far below the first screen too
    const titles = await page.locator('.prose h2').evaluateAll((headings) => headings.map((heading) => heading.firstChild?.textContent?.trim() ?? ''));
    const names = exposed.filter((node) => node.role?.value === 'heading').map((node) => node.name?.value ?? '');
    expect(titles.length).toBeGreaterThan(4);
    for (const title of titles) expect(names.some((name) => name.startsWith(title)), title).toBe(true);
    // and the last formula is not drawn yet: what assistive technology gets does not depend on it
    expect(await page.locator('.prose .katex-html').last().evaluate((node) => node.checkVisibility({ contentVisibilityAuto: true }))).toBe(false);
    expect(problems).toEqual([]);
    await close();
  });
});

describe('a cell’s text field before and after its cell is live', () => {
  // One field of each kind: a 0/1 sequence, a number, a sentence, and the trainer's epochs.
  const fields = [
    { page: 'counting-ones/', demo: 'forward', label: /Input sequence/ },
    { page: 'training/', demo: 'dataset', label: /Seed/ },
    { page: 'next-word/', demo: 'next-word', label: /Start of a sentence/ },
    { page: 'next-word/', demo: 'next-word-trainer', label: /Epochs/ },
  ];

  it.each(fields)('$page $demo: the server-rendered box is where and as large as the input that replaces it', async ({ page: path, demo, label }) => {
    for (const screen of [PHONE, DESKTOP]) {
      // The box, relative to its label, in the page as a reader without JavaScript gets it.
      const still = await openPage(browser, `${inject('siteRoot')}${path}`, { ...screen, javaScriptEnabled: false });
      const boxLabel = still.page.locator(`[data-demo="${demo}"] label`).filter({ hasText: label }).first();
      const box = await boxLabel.evaluate((node) => {
        const field = node.querySelector('.text-input-static')!;
        const [outer, inner] = [node.getBoundingClientRect(), field.getBoundingClientRect()];
        return { x: inner.left - outer.left, y: inner.top - outer.top, width: inner.width, height: inner.height, text: field.textContent };
      });
      expect(await still.page.locator(`[data-demo="${demo}"] input[type="text"]`).count()).toBe(0);
      expect(still.problems).toEqual([]);
      await still.close();

      const live = await openPage(browser, `${inject('siteRoot')}${path}`, screen);
      await waitForIslands(live.page);
      await lookAt(live.page, demo);
      const input = live.page.locator(`[data-demo="${demo}"]`).getByLabel(label);
      const field = await input.evaluate((node) => {
        const outer = node.closest('label')!.getBoundingClientRect();
        const inner = node.getBoundingClientRect();
        return { x: inner.left - outer.left, y: inner.top - outer.top, width: inner.width, height: inner.height, text: (node as HTMLInputElement).value };
      });
      expect(field.text).toBe(box.text);
      for (const key of ['x', 'y', 'width', 'height'] as const) expect(Math.abs(field[key] - box[key]), `${key} at ${screen.viewport.width} px`).toBeLessThan(0.5);
      expect(await live.page.locator(`[data-demo="${demo}"] .text-input-static`).count()).toBe(0);
      // It is a working field: it takes focus and text from the keyboard.
      await input.focus();
      expect(await input.evaluate((node) => node === document.activeElement)).toBe(true);
      expect(live.problems).toEqual([]);
      await live.close();
    }
  });
});
