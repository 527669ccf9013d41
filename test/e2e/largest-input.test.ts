import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, lookAt, openPage, waitForIslands } from '../support/browser.ts';
import { largestQuery } from '../support/largest-state.ts';
import { builtPageNotebook } from '../support/page-notebook.ts';
import { builtPages, pagePath } from '../support/site-pages.ts';
import { DIST_DIR } from './global-setup.ts';

/** Every built page with a live cell, and the query that sets each key of its notebook to its largest value. */
const pages = builtPages(DIST_DIR)
  .filter((file) => /<[^>]+\sdata-demo="/.test(readFileSync(`${DIST_DIR}/${file}`, 'utf8')))
  .map((file) => {
    const notebook = builtPageNotebook(`${DIST_DIR}/${file}`);
    return { path: pagePath(file), query: notebook ? largestQuery(notebook) : '' };
  });

/** How a number that went wrong would read: never shown to a reader. */
const NOT_A_VALUE = /\b(NaN|Infinity)\b/;
/** How the site shows ∞ − ∞ or ∞ × 0: only beside a message that explains it. */
const UNDEFINED = /\bundefined\b/;
/** A sentence that says what "undefined" stands for: the result of ∞ − ∞ (or ∞ × 0) after an overflow. */
const EXPLAINED_UNDEFINED = /undefined[^.]*∞ − ∞|∞ − ∞[^.]*undefined/;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(pages)('page /$path at its largest state', ({ path, query }) => {
  it('takes every key of the link, and each cell shows numbers, or ∞ with a message that explains it', async () => {
    const { page, problems, close } = await openPage(browser, `${inject('siteRoot')}${path}${query}`);
    await waitForIslands(page);
    // the link is valid as a whole: no key of it was ignored
    expect(await page.locator('.notebook-bar').allInnerTexts()).not.toContainEqual(expect.stringMatching(/ignored/));
    const cells = await page.locator('[data-demo]').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-demo') as string));
    expect(cells.length).toBeGreaterThan(0);
    for (const cell of cells) {
      await lookAt(page, cell);
      const frame = page.locator(`[data-demo="${cell}"]`);
      const text = await frame.innerText();
      expect(text, `cell ${cell}`).not.toMatch(NOT_A_VALUE);
      if (UNDEFINED.test(text)) expect(text, `cell ${cell} shows "undefined" without saying why`).toMatch(EXPLAINED_UNDEFINED);
      const shown = await frame.locator('[data-quantity][data-value]').evaluateAll((nodes) => nodes.map((node) => node.textContent ?? ''));
      if (shown.some((value) => value.includes('∞'))) {
        // an overflow is shown only beside a message that says what happened
        expect(await frame.locator('.message').count(), `cell ${cell} shows ∞ without a message`).toBeGreaterThan(0);
      }
    }
    expect(problems).toEqual([]);
    await close();
  });
});
