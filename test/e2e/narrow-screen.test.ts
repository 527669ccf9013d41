import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { builtPages, pagePath } from '../support/site-pages.ts';
import { launchBrowser, lookAt, openPage, waitForIslands } from '../support/browser.ts';
import { DIST_DIR } from './global-setup.ts';

/** The narrowest screen the site is laid out for. */
const NARROW = { width: 320, height: 700 };
/** A word no line can hold, as a reader might paste it. */
const LONG_WORD = 'a'.repeat(10_000);

/** Every page of the build, found by walking it. */
const pages = builtPages(DIST_DIR).map(pagePath);

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** How far the page scrolls sideways (0 when it fits the screen). */
const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** How much of a cell's content its frame cuts off on the right (a cell hides what overflows it). */
const clipped = (page: Page, demo: string) =>
  page.locator(`[data-demo="${demo}"]`).evaluate((node) => {
    const cell = node.closest('.cell') as HTMLElement;
    return cell.scrollWidth - cell.clientWidth;
  });

/** The cell's visible text, each run of the long word's letter shown as its length. */
const textOf = (page: Page, demo: string) =>
  page.locator(`[data-demo="${demo}"]`).evaluate((node) => (node as HTMLElement).innerText.replace(/a{20,}/g, (run) => `<${run.length} a>`));

describe('at 320 px wide', () => {
  it.each(pages)('page /%s does not scroll sideways', async (path) => {
    const { page, problems, close } = await openPage(browser, `${inject('siteRoot')}${path}`, { viewport: NARROW });
    await waitForIslands(page);
    expect(await sideways(page)).toBeLessThanOrEqual(0);
    expect(problems).toEqual([]);
    await close();
  });

  it('the dictionary cell takes a 10,000-character word without scrolling sideways, quoting it shortened with its length', async () => {
    const { page, problems, close } = await openPage(browser, `${inject('siteRoot')}the-problem/`, { viewport: NARROW });
    await waitForIslands(page);
    await lookAt(page, 'dictionary');
    await page.getByRole('textbox', { name: /Sentence/ }).fill(`I like ${LONG_WORD}`);
    const warning = page.locator('[data-demo="dictionary"] .dictionary-unknown');
    await expect.poll(() => warning.textContent()).toMatch(/Not in the dictionary: “a+…” \(10,000 characters\)\./);
    // The token carries the whole word for a test, and shows it shortened.
    expect(await page.locator('[data-demo="dictionary"] .dictionary-tokens [data-word]').last().getAttribute('data-word')).toBe(LONG_WORD);
    const text = await textOf(page, 'dictionary');
    expect(text).not.toContain(`<${LONG_WORD.length} a>`);
    expect(text).toContain('(10,000 characters)');
    expect(await sideways(page)).toBeLessThanOrEqual(0);
    expect(await clipped(page, 'dictionary')).toBeLessThanOrEqual(0);
    expect(problems).toEqual([]);
    await close();
  });

  it('the next-word cell refuses a 10,000-character word quoting it once, shortened, without scrolling sideways', async () => {
    const { page, problems, close } = await openPage(browser, `${inject('siteRoot')}next-word/`, { viewport: NARROW });
    await waitForIslands(page);
    await expect.poll(() => page.locator('[data-demo="next-word"] [data-weights]').getAttribute('data-weights')).toBe('shipped');
    await lookAt(page, 'next-word');
    await page.getByRole('textbox', { name: 'Start of a sentence' }).fill(`I like ${LONG_WORD}`);
    const message = page.locator('[data-demo="next-word"] .message.error');
    await expect.poll(() => message.textContent()).toMatch(/“a+…” \(10,000 characters\) is not in the dictionary/);
    const refusal = (await message.evaluate((node) => (node as HTMLElement).innerText)).replace(/a{20,}/g, '<word>');
    // Quoted once: the word (shortened) appears a single time in the refusal.
    expect(refusal.split('<word>').length - 1).toBe(1);
    expect(await textOf(page, 'next-word')).not.toContain(`<${LONG_WORD.length} a>`);
    expect(await sideways(page)).toBeLessThanOrEqual(0);
    expect(await clipped(page, 'next-word')).toBeLessThanOrEqual(0);
    expect(problems).toEqual([]);
    await close();
  });
});
