import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { builtPages, pagePath } from '../support/site-pages.ts';
import { launchBrowser, openPage } from '../support/browser.ts';
import { DIST_DIR } from './global-setup.ts';

/** Pages with numbered equations. */
const pages = builtPages(DIST_DIR)
  .filter((file) => file.endsWith('index.html'))
  .map(pagePath);

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The numbered equations whose number overlaps the formula on screen, by id. */
const overlapping = (page: Page) =>
  page.evaluate(() => {
    const found: string[] = [];
    for (const display of document.querySelectorAll('.katex-display')) {
      const tag = display.querySelector('.katex-tag')?.getBoundingClientRect();
      if (!tag) continue;
      for (const base of display.querySelectorAll('.katex-html > .katex-base')) {
        const box = base.getBoundingClientRect();
        if (box.width > 0 && box.right > tag.left + 1 && box.left < tag.right && box.bottom > tag.top && box.top < tag.bottom) {
          found.push(display.parentElement?.id ?? '(no id)');
          break;
        }
      }
    }
    return found;
  });

/** The displayed equations that scroll sideways in their column, by id. */
const scrolling = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('.katex-display')]
      .filter((display) => display.scrollWidth > display.clientWidth + 1)
      .map((display) => display.parentElement?.id || '(in a cell)'),
  );

describe('equation numbers', () => {
  it.each(pages)('never cover their formula on /%s, from a phone to a desktop', async (path) => {
    const { page, problems, close } = await openPage(browser, `${inject('siteRoot')}${path}`, { javaScriptEnabled: false });
    for (const width of [1280, 900, 360]) {
      await page.setViewportSize({ width, height: 900 });
      expect(await overlapping(page), `at ${width} px`).toEqual([]);
    }
    // on a desktop every equation fits its column (a phone may scroll a wide one sideways)
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(await scrolling(page)).toEqual([]);
    expect(problems).toEqual([]);
    await close();
  });
});
