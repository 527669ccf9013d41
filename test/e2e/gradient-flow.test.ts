import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { backprop, gradientFlow } from '~/core';
import { launchBrowser, openPage, quantities, waitForIslands } from '../support/browser.ts';

const PATH = 'vanishing-and-exploding-gradients/';
/** Long sequences (n = 1000) take a while to re-render on a busy machine: wait for them, don't race them. */
const WAIT = { timeout: 30_000, interval: 200 };
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const regime = (page: Page) => page.locator('[data-demo="gradient-flow"] [data-regime]').textContent();

/** The factors the cell plots must be the core's gradientFlow(wRec, n), value for value (k = 0..n). */
async function expectFlowMatchesCore(page: Page, wRec: number, n: number) {
  await expect.poll(() => quantities(page, 'gradient-flow', 'flow'), WAIT).toEqual(Array.from(gradientFlow(wRec, n)));
  // the series starts at k = 0 (and holds n + 1 values, checked above)
  expect(await page.locator('[data-demo="gradient-flow"] [data-quantity="flow"]').getAttribute('data-k-from')).toBe('0');
}

describe('the gradient-flow cell (data-demo="gradient-flow")', () => {
  it.each([
    // |w_rec| > 1
    [1.5, /Exploding/],
    // 0 < w_rec < 1
    [0.5, /Vanishing/],
    // −1 < w_rec < 0: vanishes and alternates
    [-0.5, /Vanishing.*alternates in sign/],
    // w_rec = 0
    [0, /Cut.*cut after one step/],
    // w_rec = 1
    [1, /Constant/],
  ])('names the regime for w_rec = %s set in the URL and plots gradientFlow(w_rec, 50)', async (wRec, words) => {
    const { page, problems, close } = await openPage(browser, `${inject('siteRoot')}${PATH}?wRec=${wRec}`);
    await waitForIslands(page);
    await expect.poll(() => regime(page), WAIT).toMatch(words);
    await expectFlowMatchesCore(page, wRec, 50);
    expect(problems).toEqual([]);
    await close();
  });

  it('follows its w_rec slider from the keyboard and by value through every regime', async () => {
    const { page, problems, close } = await openPage(browser, `${inject('siteRoot')}${PATH}`);
    await waitForIslands(page);
    const slider = page.locator('[data-demo="gradient-flow"]').getByRole('slider', { name: 'w rec' });
    await slider.focus();
    // The page starts at w_rec = 0.9; each ArrowRight adds one step of 0.01.
    for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => slider.inputValue(), WAIT).toBe('1');
    await expect.poll(() => regime(page), WAIT).toMatch(/Constant/);
    await expectFlowMatchesCore(page, 1, 50);
    for (let i = 0; i < 50; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => slider.inputValue(), WAIT).toBe('1.5');
    await expect.poll(() => regime(page), WAIT).toMatch(/Exploding/);
    await expectFlowMatchesCore(page, 1.5, 50);
    for (const [value, words] of [
      ['0.5', /Vanishing/],
      ['-0.5', /alternates in sign/],
      ['0', /Cut/],
    ] as const) {
      await slider.fill(value);
      await expect.poll(() => regime(page), WAIT).toMatch(words);
      await expectFlowMatchesCore(page, Number(value), 50);
    }
    await expect.poll(() => new URL(page.url()).searchParams.get('wRec'), WAIT).toBe('0');
    expect(problems).toEqual([]);
    await close();
  });

  it('shows the zeros of w_rec = 0 as zeros on their own row, not dropped', async () => {
    const { page, problems, close } = await openPage(browser, `${inject('siteRoot')}${PATH}?wRec=0&n=20`);
    await waitForIslands(page);
    await expectFlowMatchesCore(page, 0, 20);
    // 20 zeros (k = 0..19) and the 1 at k = n, each with a drawn marker: all are positive, so all are circles in the
    // series' first marker path, each starting with a move to (cx − r, cy); 20 of them sit on the "0" row's line
    const chart = page.locator('[data-demo="gradient-flow"] [data-quantity="flow"]').locator('xpath=ancestor::*[name()="svg"][1]');
    const moves = ((await chart.locator('.series path.markers').first().getAttribute('d')) ?? '').match(/M[^a-zA-Z]+/g) ?? [];
    const zeroRowY = Number(await chart.locator('.band line').first().getAttribute('y1'));
    expect(moves).toHaveLength(21);
    expect(moves.filter((m) => Math.abs(Number(m.slice(1).split(',')[1]) - zeroRowY) < 0.01)).toHaveLength(20);
    expect(await page.locator('[data-demo="gradient-flow"] svg .band text').first().textContent()).toBe('0');
    expect(await page.locator('[data-demo="gradient-flow"] [data-quantity="flowAt"][data-k="0"]').textContent()).toBe('0');
    expect(problems).toEqual([]);
    await close();
  });

  it('states the overflow of 3^1000 in words for n = 1000, w_rec = 3, and never shows NaN', async () => {
    const { page, problems, close } = await openPage(browser, `${inject('siteRoot')}${PATH}?wRec=3&n=1000`);
    await waitForIslands(page);
    const demo = page.locator('[data-demo="gradient-flow"]');
    await expect.poll(() => demo.textContent(), WAIT).toMatch(/Overflow: for k = 0 to 353 \(354 values\)/);
    await expectFlowMatchesCore(page, 3, 1000);
    const text = await demo.textContent();
    expect(text).not.toContain('NaN');
    expect(text).toContain('∞');
    expect(problems).toEqual([]);
    await close();
  });

  it('plots the every-step deltas of backprop on n ones beside the factor', async () => {
    const { page, problems, close } = await openPage(browser, `${inject('siteRoot')}${PATH}?wRec=0.7&n=30`);
    await waitForIslands(page);
    const expected = backprop(new Array(30).fill(1), { wRec: 0.7, wX: 1 }, 'every-step').delta;
    await expect.poll(() => quantities(page, 'gradient-flow', 'delta'), WAIT).toEqual(Array.from(expected));
    expect(problems).toEqual([]);
    await close();
  });

  it('takes a new length n from its field and refuses 2000 with a message, keeping the last good n', async () => {
    const { page, problems, close } = await openPage(browser, `${inject('siteRoot')}${PATH}`);
    await waitForIslands(page);
    const field = page.locator('[data-demo="gradient-flow"]').getByRole('textbox', { name: /Sequence length n/ });
    await field.fill('120');
    await expectFlowMatchesCore(page, 0.9, 120);
    await field.fill('2000');
    await expect.poll(() => page.locator('[data-demo="gradient-flow"] .message.error').textContent(), WAIT).toContain('between 1 and 1000');
    await expectFlowMatchesCore(page, 0.9, 120);
    await field.fill('2.5');
    await expect.poll(() => page.locator('[data-demo="gradient-flow"] .message.error').textContent(), WAIT).toContain('whole number');
    await expectFlowMatchesCore(page, 0.9, 120);
    expect(problems).toEqual([]);
    await close();
  });

  it('applies a prose link that sets a regime in place', async () => {
    const { page, problems, close } = await openPage(browser, `${inject('siteRoot')}${PATH}`);
    await waitForIslands(page);
    await page.getByRole('link', { name: 'wrec = 1.5 explodes' }).click();
    await expect.poll(() => regime(page), WAIT).toMatch(/Exploding/);
    await expectFlowMatchesCore(page, 1.5, 50);
    expect(problems).toEqual([]);
    await close();
  });
});
