import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { backprop, numericalGradient, type Objective } from '~/core';
import { launchBrowser, lookAt, openPage, waitForIslands } from '../support/browser.ts';

const PAGE = 'backpropagation-through-time/';
const DEMO = 'forward-mode';
/** The page's defaults (its frontmatter): x = 1101, w_rec = 0.5, w_x = 1, every-step error. */
const X = [1, 1, 0, 1];

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

type Mode = 'reverse' | 'forward';

/** The values of one quantity the cell shows in one reading, in document order. */
async function shown(page: Page, quantity: string, mode: Mode): Promise<number[]> {
  return page
    .locator(`[data-demo="${DEMO}"] [data-quantity="${quantity}"][data-mode="${mode}"]`)
    .evaluateAll((nodes) => nodes.map((node) => Number((node as HTMLElement).dataset.value)));
}

/** |a − b| relative to the larger of the two (and to 1e-300, so that two zeros agree). */
const relative = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), 1e-300);

/** Both readings' sums equal backprop's gradient to 1e-12 relative, and agree with central differences. */
async function expectBothReadingsExact(page: Page, x: number[], w: { wRec: number; wX: number }, objective: Objective) {
  const reference = backprop(x, w, objective);
  const numeric = numericalGradient(x, w, objective);
  for (const mode of ['reverse', 'forward'] as const) {
    const [dWRec] = await shown(page, 'gradWRec', mode);
    const [dWX] = await shown(page, 'gradWX', mode);
    expect(relative(dWRec, reference.dWRec), `${mode} ∂E/∂w_rec`).toBeLessThanOrEqual(1e-12);
    expect(relative(dWX, reference.dWX), `${mode} ∂E/∂w_x`).toBeLessThanOrEqual(1e-12);
    expect(relative(dWRec, numeric.dWRec)).toBeLessThanOrEqual(1e-6);
    expect(relative(dWX, numeric.dWX)).toBeLessThanOrEqual(1e-6);
  }
}

describe('the forward-mode cell (data-demo="forward-mode")', () => {
  it('is in the server-rendered page: both readings of both gradients, equal to the core, without JavaScript', async () => {
    const { page, problems, close } = await openPage(browser, `${inject('siteRoot')}${PAGE}`, { javaScriptEnabled: false });
    await expectBothReadingsExact(page, X, { wRec: 0.5, wX: 1 }, 'every-step');
    // every step's forward share is (s_k − t_k) σ_k, and the shares add up to the sum shown
    const terms = await shown(page, 'termWRec', 'forward');
    const [total] = await shown(page, 'gradWRec', 'forward');
    expect(terms).toHaveLength(X.length);
    expect(relative(terms.reduce((a, b) => a + b, 0), total)).toBeLessThanOrEqual(1e-12);
    expect(problems).toEqual([]);
    await close();
  });

  it('follows the page: a link with other weights and the final-step error, then a keyboard step of w_rec', async () => {
    const x = [0, 1, 1, 0, 0, 0, 0, 1, 0, 0, 1, 1];
    const { page, problems, close } = await openPage(browser, `${inject('siteRoot')}${PAGE}?x=${x.join('')}&wRec=0.9&wX=1.2&objective=final`);
    await waitForIslands(page);
    await lookAt(page, DEMO);
    await expectBothReadingsExact(page, x, { wRec: 0.9, wX: 1.2 }, 'final');
    // with the final-step error only step n has an error: one non-zero forward term, on the last row
    const local = await shown(page, 'local', 'forward');
    expect(local.slice(0, -1).every((v) => v === 0)).toBe(true);
    expect(local.at(-1)).not.toBe(0);
    // a long sequence shows its first and last rows, with the middle summarised
    await expect.poll(() => page.locator(`[data-demo="${DEMO}"] .forward-mode-gap`).textContent()).toContain('4 more steps');

    const slider = page.locator(`[data-demo="${DEMO}"]`).getByRole('slider', { name: /w rec/ });
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => slider.inputValue()).toBe('0.91');
    await expect.poll(async () => (await shown(page, 'gradWRec', 'forward'))[0]).toBeCloseTo(backprop(x, { wRec: 0.91, wX: 1.2 }, 'final').dWRec, 9);
    await expectBothReadingsExact(page, x, { wRec: 0.91, wX: 1.2 }, 'final');
    expect(problems).toEqual([]);
    await close();
  });
});
