import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, quantities, waitForIslands } from '../support/browser.ts';

/** The chapter's default w_rec, and the value the reader moves it to. */
const DEFAULT_W_REC = 1;
const MOVED_W_REC = 2.5;
/** A section the table of contents links to. */
const SECTION = 'the-forward-pass-step-by-step';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const url = () => `${inject('siteRoot')}counting-ones/`;

/** The page's problems, less requests cut short by the test's own reloads (the favicon, while it still loads). */
const unexpected = (problems: string[]) => problems.filter((problem) => !problem.endsWith('(net::ERR_ABORTED)'));

/** The w_rec the page's URL asks for (the chapter's default when it names none). */
function wRecInUrl(page: Page): number {
  const value = new URL(page.url()).searchParams.get('wRec');
  return value === null ? DEFAULT_W_REC : Number(value);
}

/** Waits until the forward cell and its w_rec slider show `wRec`, and checks that the URL says the same. */
async function expectShows(page: Page, wRec: number) {
  await expect.poll(() => quantities(page, 'forward', 'w-rec')).toEqual([wRec]);
  expect(Number(await page.getByRole('slider', { name: 'w rec' }).inputValue())).toBe(wRec);
  expect(wRecInUrl(page)).toBe(wRec);
}

/** Follows the table of contents to a section of the page: a same-page link, so a new history entry. */
async function followTableOfContents(page: Page) {
  await page.getByRole('navigation', { name: 'On this page' }).locator(`a[href="#${SECTION}"]`).click();
  await expect.poll(() => new URL(page.url()).hash).toBe(`#${SECTION}`);
}

type Move = 'back' | 'forward' | 'reload';

async function move(page: Page, how: Move) {
  if (how === 'back') await page.goBack();
  else if (how === 'forward') await page.goForward();
  else {
    await page.reload();
    await waitForIslands(page);
  }
}

/** Every order of Back, Forward and reload. */
const ORDERS: Move[][] = [
  ['back', 'forward', 'reload'],
  ['back', 'reload', 'forward'],
  ['forward', 'back', 'reload'],
  ['forward', 'reload', 'back'],
  ['reload', 'back', 'forward'],
  ['reload', 'forward', 'back'],
];

describe('the notebook and the browser history (on "Counting ones")', () => {
  it('shows the defaults again on Back after a table-of-contents link and a slider move, 2.5 on Forward, and keeps both on reload', async () => {
    const { page, problems, close } = await openPage(browser, url());
    await waitForIslands(page);
    await followTableOfContents(page);
    await page.getByRole('slider', { name: 'w rec' }).fill(String(MOVED_W_REC));
    // The slider's entry (the section's) takes the new state once the coalesced write lands.
    await expect.poll(() => wRecInUrl(page)).toBe(MOVED_W_REC);
    await expectShows(page, MOVED_W_REC);

    await page.goBack();
    expect(new URL(page.url()).search).toBe('');
    await expectShows(page, DEFAULT_W_REC);
    await page.reload();
    await waitForIslands(page);
    await expectShows(page, DEFAULT_W_REC);

    await page.goForward();
    expect(new URL(page.url()).hash).toBe(`#${SECTION}`);
    await expectShows(page, MOVED_W_REC);
    await page.reload();
    await waitForIslands(page);
    await expectShows(page, MOVED_W_REC);
    expect(unexpected(problems)).toEqual([]);
    await close();
  });

  it.each(ORDERS)('keeps the URL and the cells in agreement through %s, %s, %s', async (...moves) => {
    const { page, problems, close } = await openPage(browser, url());
    await waitForIslands(page);
    await followTableOfContents(page);
    await page.getByRole('slider', { name: 'w rec' }).fill(String(MOVED_W_REC));
    await expect.poll(() => wRecInUrl(page)).toBe(MOVED_W_REC);
    // Two entries: the page as it opened (defaults), then the section with the slider moved.
    const shownAt = [DEFAULT_W_REC, MOVED_W_REC];
    let entry = 1;
    for (const how of moves) {
      await move(page, how);
      if (how === 'back') entry = Math.max(0, entry - 1);
      if (how === 'forward') entry = Math.min(shownAt.length - 1, entry + 1);
      await expectShows(page, shownAt[entry]!);
    }
    expect(unexpected(problems)).toEqual([]);
    await close();
  });

  it('does not write a state still waiting to reach the URL into the entry Back returns to', async () => {
    const { page, problems, close } = await openPage(browser, url());
    await waitForIslands(page);
    await followTableOfContents(page);
    // Move the slider and go back at once, before the coalesced write of the new value.
    await page.getByRole('slider', { name: 'w rec' }).fill(String(MOVED_W_REC));
    await page.goBack();
    await expectShows(page, DEFAULT_W_REC);
    // Well past the write's delay: the entry returned to still has no query.
    await page.waitForTimeout(1000);
    expect(new URL(page.url()).search).toBe('');
    await expectShows(page, DEFAULT_W_REC);
    // Forward and reload: whatever the section's entry holds, the cells show it.
    await page.goForward();
    await expectShows(page, wRecInUrl(page));
    await page.reload();
    await waitForIslands(page);
    await expectShows(page, wRecInUrl(page));
    expect(unexpected(problems)).toEqual([]);
    await close();
  });

  it('reads the URL on Back to an entry made before the cells had loaded', async () => {
    const { page, problems, close } = await openPage(browser, `${url()}?wRec=2`);
    // The forward cell is further down: it loads when the link brings it on screen, after the link's entry is made.
    expect(await page.locator('astro-island[ssr]:has([data-demo="forward"])').count()).toBe(1);
    await followTableOfContents(page);
    await waitForIslands(page);
    await page.getByRole('slider', { name: 'w rec' }).fill(String(MOVED_W_REC));
    await expect.poll(() => wRecInUrl(page)).toBe(MOVED_W_REC);
    await page.goBack();
    expect(new URL(page.url()).search).toBe('?wRec=2');
    await expectShows(page, 2);
    await page.goForward();
    await expectShows(page, MOVED_W_REC);
    expect(unexpected(problems)).toEqual([]);
    await close();
  });

  it('carries a slider move made just before a table-of-contents link into the new entry', async () => {
    const { page, problems, close } = await openPage(browser, url());
    await waitForIslands(page);
    await page.getByRole('slider', { name: 'w rec' }).fill(String(MOVED_W_REC));
    await followTableOfContents(page);
    await expect.poll(() => wRecInUrl(page)).toBe(MOVED_W_REC);
    await expectShows(page, MOVED_W_REC);
    await page.reload();
    await waitForIslands(page);
    await expectShows(page, MOVED_W_REC);
    expect(unexpected(problems)).toEqual([]);
    await close();
  });
});
