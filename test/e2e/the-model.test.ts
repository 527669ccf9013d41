import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { forward, gradientFlow } from '~/core';
import { launchBrowser, lookAt, openPage, quantities, waitForIslands } from '../support/browser.ts';

const SEED = [0, 1, 1, 0, 0, 0, 0, 1, 0, 0, 1, 1];
/** The machine may be busy: wait up to 10 s for a cell to follow a change. */
const POLL = { timeout: 10_000 };
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const open = async (query = '') => {
  const watched = await openPage(browser, `${inject('siteRoot')}the-model/${query}`);
  await waitForIslands(watched.page);
  return watched;
};

/** The weight w_x w_rec^{n−k} of each input x_k in s_n, from the core's gradientFlow (k = 1..n). */
function inputWeights(wRec: number, wX: number, n: number): number[] {
  return Array.from(gradientFlow(wRec, n).slice(1), (g) => wX * g);
}

/** The (k, value) pairs of the unrolled graph's nodes. */
async function graphNodes(page: Page) {
  await lookAt(page, 'unrolled');
  return page
    .locator('[data-demo="unrolled"] [data-quantity="graph-s"]')
    .evaluateAll((nodes) => nodes.map((node) => [Number((node as HTMLElement).dataset.k), Number((node as HTMLElement).dataset.value)]));
}

describe('the figures of "The model"', () => {
  it('give each figure a text alternative that states its numbers', async () => {
    const { page, problems, close } = await open();
    const folded = page.locator('svg.folded-loop');
    expect(await folded.getAttribute('role')).toBe('img');
    expect(await folded.getAttribute('aria-label')).toMatch(/loop .* labelled w_rec.* labelled w_x/);
    const bars = page.locator('[data-demo="closed-form"] svg[role="img"]');
    const barsLabel = await bars.getAttribute('aria-label');
    // At (1, 1) every input weighs 1 in s_12.
    expect(barsLabel).toContain('w_rec = 1 and w_x = 1');
    expect(barsLabel).toContain('x_1 (0): 1; x_2 (1): 1');
    const unrolled = page.locator('[data-demo="unrolled"] svg[role="img"]');
    const unrolledLabel = await unrolled.getAttribute('aria-label');
    expect(unrolledLabel).toContain('13 state nodes s_0 to s_12');
    expect(unrolledLabel).toContain('s_11 = 4, s_12 = 5');
    expect(unrolledLabel).toContain('Highlighted: step 12, s_12 = 5');
    expect(problems).toEqual([]);
    await close();
  });

  it.each([
    // fading: weights 0.8^(12−k) · 1.5
    [0.8, 1.5],
    // growing and alternating in sign
    [-1.2, 1],
    // a zero recurrent weight: only the newest input counts (0^0 = 1)
    [0, 2],
  ])('draws the closed-form bars as gradientFlow(w_rec = %s, n) · w_x (w_x = %s), set from the URL', async (wRec, wX) => {
    const { page, problems, close } = await open(`?wRec=${wRec}&wX=${wX}`);
    const expected = inputWeights(wRec, wX, SEED.length);
    // Identical operations in the same order: the bars must equal the core's numbers exactly.
    await expect.poll(() => quantities(page, 'closed-form', 'input-weight'), POLL).toEqual(expected);
    const s = forward(SEED, { wRec, wX });
    expect(await quantities(page, 'closed-form', 's-n')).toEqual([s[12]]);
    // The unrolled graph shows the same states.
    for (const [k, value] of await graphNodes(page)) expect(value).toBe(s[k]);
    expect(problems).toEqual([]);
    await close();
  });

  it('follows the states cell: moving its w_rec slider redraws the bars and the unrolled graph', async () => {
    const { page, problems, close } = await open();
    await page.getByRole('slider', { name: 'w rec' }).fill('0.5');
    await expect.poll(() => quantities(page, 'closed-form', 'input-weight'), POLL).toEqual(inputWeights(0.5, 1, 12));
    const s = forward(SEED, { wRec: 0.5, wX: 1 });
    await expect.poll(() => graphNodes(page), POLL).toEqual([8, 9, 10, 11, 12].map((k) => [k, s[k]]));
    expect(problems).toEqual([]);
    await close();
  });

  it('the prose link "try w_rec = 0.8" sets the weight the bars are drawn for', async () => {
    const { page, problems, close } = await open();
    await page.getByRole('link', { name: 'try wrec = 0.8' }).click();
    await expect.poll(() => quantities(page, 'closed-form', 'input-weight'), POLL).toEqual(inputWeights(0.8, 1, 12));
    expect(problems).toEqual([]);
    await close();
  });

  it.each([
    // w_rec^{n−k} overflows for the oldest inputs
    [3, 1],
    // w_x = 0: every weight is exactly 0 even where w_rec^{n−k} overflows
    [3, 0],
  ])('states overflow of w_rec^(n−k) in words and never shows NaN (w_rec = %s, w_x = %s, n = 1000)', async (wRec, wX) => {
    const x = Array(1000).fill(1);
    const { page, problems, close } = await open(`?wRec=${wRec}&wX=${wX}&x=${x.join('')}`);
    const figure = page.locator('[data-demo="closed-form"]');
    const shown = await quantities(page, 'closed-form', 'input-weight');
    expect(shown).toHaveLength(1000);
    expect(shown.some(Number.isNaN)).toBe(false);
    if (wX === 0) {
      expect(shown.every((v) => v === 0)).toBe(true);
    } else {
      const expected = inputWeights(wRec, wX, 1000);
      expect(shown).toEqual(expected);
      const overflowed = expected.filter((v) => !Number.isFinite(v)).length;
      expect(overflowed).toBeGreaterThan(0);
      await expect.poll(() => figure.textContent(), POLL).toContain(`overflows for the ${overflowed} oldest inputs`);
    }
    expect(await figure.textContent()).not.toContain('NaN');
    expect(await page.locator('[data-demo="unrolled"] svg').getAttribute('aria-label')).not.toContain('NaN');
    expect(problems).toEqual([]);
    await close();
  });

  it('draws the finite bars on a numeric axis and says why the others are missing (w_rec = −3, n = 700: 3^699 overflows, 3^646 is near the largest double)', async () => {
    const n = 700;
    const { page, problems, close } = await open(`?x=${'1'.repeat(n)}&wRec=-3`);
    const expected = inputWeights(-3, 1, n);
    // The largest finite weights are within a factor 10 of the largest double: max − min overflows.
    expect(Math.max(...expected.filter(Number.isFinite)) - Math.min(...expected.filter(Number.isFinite))).toBe(Infinity);
    expect(await quantities(page, 'closed-form', 'input-weight')).toEqual(expected);
    const figure = page.locator('[data-demo="closed-form"]');
    const bars = await figure.locator('rect[data-quantity="input-weight"]').evaluateAll((rects) =>
      rects.map((rect) => ({ value: Number(rect.getAttribute('data-value')), y: rect.getAttribute('y'), height: rect.getAttribute('height') })),
    );
    const finite = bars.filter((bar) => Number.isFinite(bar.value));
    expect(finite).toHaveLength(expected.filter(Number.isFinite).length);
    for (const bar of finite) {
      expect(Number.isFinite(Number(bar.y)), `y of the bar for ${bar.value}`).toBe(true);
      expect(Number.isFinite(Number(bar.height)), `height of the bar for ${bar.value}`).toBe(true);
    }
    // The largest weights make visible bars, not zero-height ones.
    const largest = finite.reduce((a, b) => (Math.abs(b.value) > Math.abs(a.value) ? b : a));
    expect(Number(largest.height)).toBeGreaterThan(50);
    // Every tick of the weight axis is a number: the site's formatter writes "1.5 × 10³⁰⁸" for 1.5e308.
    const ticks = await figure.locator('svg .axis g text').allTextContents();
    expect(ticks.length).toBeGreaterThan(1);
    for (const tick of ticks) expect(tick).toMatch(/^−?\d+(\.\d+)?( × 10[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+)?$/);
    // No attribute of the chart holds NaN, Infinity or undefined (data-value holds the exact value, ∞ included).
    const bad = await figure.locator('svg').evaluate((svg) =>
      [svg, ...svg.querySelectorAll('*')].flatMap((element) =>
        Array.from(element.attributes)
          .filter((a) => a.name !== 'data-value' && /NaN|Infinity|undefined/.test(a.value))
          .map((a) => `${element.tagName} ${a.name}="${a.value}"`),
      ),
    );
    expect(bad).toEqual([]);
    const overflowed = expected.filter((v) => !Number.isFinite(v)).length;
    await expect.poll(() => figure.textContent(), POLL).toContain(`overflows for the ${overflowed} oldest inputs`);
    expect(problems).toEqual([]);
    await close();
  });
});
