import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { errorFlow } from '~/core/lstm-flow.ts';
import { launchBrowser, openPage, quantities, waitForIslands } from '../support/browser.ts';

// Chapter 7: the gradient-flow cell near the top and the LSTM cell far below share the key wRec.
const PATH = 'vanishing-and-exploding-gradients/';
const WAIT = { timeout: 15_000, interval: 100 };
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The LSTM cell's plain-RNN curve as it is in the page right now, without scrolling to it. */
const plainFlowInPlace = (page: Page) =>
  page
    .locator('[data-demo="lstm-flow"] [data-quantity="plainFlow"]')
    .evaluateAll((nodes) => nodes.flatMap((node) => ((node as HTMLElement).dataset.values ?? '').split(' ').map(Number)));
const offScreen = (page: Page, demo: string) =>
  page.locator(`[data-demo="${demo}"]`).evaluate((node) => node.hasAttribute('data-off-screen'));

describe('cells off screen', () => {
  it('a slider redraws the cells on screen; a cell far off screen that shares its key catches up when scrolled to', async () => {
    const { page, problems, close } = await openPage(browser, `${inject('siteRoot')}${PATH}`);
    await waitForIslands(page);
    const n = (await plainFlowInPlace(page)).length - 1;
    const before = await plainFlowInPlace(page);
    const slider = page.locator('[data-demo="gradient-flow"]').getByRole('slider', { name: 'w rec' });
    await slider.fill('0.5');
    // the cell being dragged follows at once
    await expect.poll(() => page.locator('[data-demo="gradient-flow"] [data-regime]').textContent(), WAIT).toMatch(/Vanishing/);
    // the LSTM cell is marked off screen and still shows its old curve ...
    expect(await offScreen(page, 'lstm-flow')).toBe(true);
    expect(await plainFlowInPlace(page)).toEqual(before);
    // ... until the reader gets to it: then it shows w_rec = 0.5
    await page.locator('[data-demo="lstm-flow"]').scrollIntoViewIfNeeded();
    await expect.poll(() => offScreen(page, 'lstm-flow'), WAIT).toBe(false);
    await expect.poll(() => plainFlowInPlace(page), WAIT).toEqual(Array.from(errorFlow({ n, wRec: 0.5, forget: await forgetGate(page) }).plain));
    // and reading it the way the other tests do agrees
    expect(await quantities(page, 'lstm-flow', 'plainFlow')).toEqual(await plainFlowInPlace(page));
    expect(problems).toEqual([]);
    await close();
  });

  it('before printing, every cell catches up with the page state', async () => {
    const { page, problems, close } = await openPage(browser, `${inject('siteRoot')}${PATH}`);
    await waitForIslands(page);
    const n = (await plainFlowInPlace(page)).length - 1;
    await page.locator('[data-demo="gradient-flow"]').getByRole('slider', { name: 'w rec' }).fill('-0.5');
    expect(await offScreen(page, 'lstm-flow')).toBe(true);
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    expect(await offScreen(page, 'lstm-flow')).toBe(false);
    // redrawn in the microtasks after the event, so before the print layout
    expect(await plainFlowInPlace(page)).toEqual(Array.from(errorFlow({ n, wRec: -0.5, forget: await forgetGate(page) }).plain));
    expect(problems).toEqual([]);
    await close();
  });
});

/** The LSTM cell's forget gate f, read from its slider. */
async function forgetGate(page: Page): Promise<number> {
  return Number(await page.locator('[data-demo="lstm-flow"]').getByRole('slider', { name: /forget gate/ }).inputValue());
}
