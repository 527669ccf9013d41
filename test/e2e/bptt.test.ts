import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { backprop, type Objective } from '~/core';
import { launchBrowser, openPage, quantities, waitForIslands } from '../support/browser.ts';

const PAGE = 'backpropagation-through-time/';
/** The page's defaults (its frontmatter): x = 1101, w_rec = 0.5, w_x = 1, every-step error. */
const X = [1, 1, 0, 1];
const W = { wRec: 0.5, wX: 1 };

/** How long a poll waits for the page to catch up (hydration and the coalesced URL write can be slow on a busy machine). */
const POLL = { timeout: 15_000 };
/** data-value is String(v), which writes −0 as "0": compare numbers with the sign of zero dropped. */
const z = (v: number | undefined) => (v === 0 ? 0 : v);

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The values a demo shows for one per-row quantity, keyed by their `data-k`. */
async function byStep(page: Page, demo: string, quantity: string): Promise<Map<number, number>> {
  const pairs = await page
    .locator(`[data-demo="${demo}"] [data-quantity="${quantity}"]`)
    .evaluateAll((nodes) => nodes.map((node) => [Number((node as HTMLElement).dataset.k), Number((node as HTMLElement).dataset.value)] as [number, number]));
  return new Map(pairs);
}

/** The one value a demo shows for a quantity. */
async function single(page: Page, demo: string, quantity: string): Promise<number> {
  const values = await quantities(page, demo, quantity);
  expect(values).toHaveLength(1);
  return values[0];
}

/** The step k the stepper shows. */
const shownStep = (page: Page) => single(page, 'bptt', 'step');

/**
 * Checks every number the stepper shows at step k against backprop() run in the test: each table row (local,
 * δ, both terms, both running sums), the running sums in the equation, and the full gradients.
 */
async function expectStepperMatchesCore(page: Page, x: number[], w: { wRec: number; wX: number }, objective: Objective, k: number) {
  const r = backprop(x, w, objective);
  const n = x.length;
  expect(await shownStep(page)).toBe(k);
  // Running sums from n down to j, added in the same order as the core adds its gradient.
  const sumRec = new Map<number, number>();
  const sumX = new Map<number, number>();
  let a = 0;
  let b = 0;
  for (let j = n; j >= 1; j--) {
    a += r.gradWRec[j];
    b += r.gradWX[j];
    sumRec.set(j, a);
    sumX.set(j, b);
  }
  const rows = {
    sPrev: await byStep(page, 'bptt', 'sPrev'),
    local: await byStep(page, 'bptt', 'local'),
    delta: await byStep(page, 'bptt', 'delta'),
    gradWRec: await byStep(page, 'bptt', 'gradWRec'),
    gradWX: await byStep(page, 'bptt', 'gradWX'),
    sumWRec: await byStep(page, 'bptt', 'sumWRec'),
    sumWX: await byStep(page, 'bptt', 'sumWX'),
  };
  // The current row is always in the table, whatever the window.
  expect(rows.delta.has(k)).toBe(true);
  for (const [j, value] of rows.delta) {
    expect(value, `delta at k = ${j}`).toBe(z(r.delta[j]));
    expect(rows.sPrev.get(j), `s_{k-1} at k = ${j}`).toBe(z(r.s[j - 1]));
    expect(rows.local.get(j), `local at k = ${j}`).toBe(z(r.local[j]));
    expect(rows.gradWRec.get(j), `δ s at k = ${j}`).toBe(z(r.gradWRec[j]));
    expect(rows.gradWX.get(j), `δ x at k = ${j}`).toBe(z(r.gradWX[j]));
    expect(rows.sumWRec.get(j), `running sum for w_rec at k = ${j}`).toBe(z(sumRec.get(j)));
    expect(rows.sumWX.get(j), `running sum for w_x at k = ${j}`).toBe(z(sumX.get(j)));
  }
  expect(await single(page, 'bptt', 'runningDWRec')).toBe(z(sumRec.get(k)));
  expect(await single(page, 'bptt', 'runningDWX')).toBe(z(sumX.get(k)));
  // The full gradients do not depend on the step shown.
  expect(await single(page, 'bptt', 'dWRec')).toBe(z(r.dWRec));
  expect(await single(page, 'bptt', 'dWX')).toBe(z(r.dWX));
  expect(await single(page, 'bptt', 'loss')).toBe(z(r.loss));
}

describe('the BPTT stepper (data-demo="bptt")', () => {
  it('shows the hand-worked numbers of the chapter at its defaults, before and after hydration', async () => {
    // Worked by hand (as the chapter asks the reader to): s = 0, 1, 1.5, 0.75, 1.375; t = 1, 2, 2, 3;
    // ∂E_k/∂s_k = s_k − t_k; δ_4 = −1.625, δ_3 = −1.25 + 0.5·δ_4, δ_2 = −0.5 + 0.5·δ_3, δ_1 = 0 + 0.5·δ_2.
    const hand = {
      local: [0, -0.5, -1.25, -1.625],
      delta: [-0.765625, -1.53125, -2.0625, -1.625],
      gradWRec: [0, -1.53125, -3.09375, -1.21875],
      gradWX: [-0.765625, -1.53125, 0, -1.625],
      dWRec: -5.84375,
      dWX: -3.921875,
      loss: 2.2265625,
    };
    // Without JavaScript the server-rendered cell already shows them.
    const still = await openPage(browser, `${inject('siteRoot')}${PAGE}`, { javaScriptEnabled: false });
    const staticDelta = await byStep(still.page, 'bptt', 'delta');
    expect([1, 2, 3, 4].map((k) => staticDelta.get(k))).toEqual(hand.delta);
    expect(await single(still.page, 'bptt', 'dWRec')).toBe(hand.dWRec);
    expect(still.problems).toEqual([]);
    await still.close();

    const { page, problems, close } = await openPage(browser, `${inject('siteRoot')}${PAGE}`);
    await waitForIslands(page);
    expect(await shownStep(page)).toBe(4);
    const local = await byStep(page, 'bptt', 'local');
    const delta = await byStep(page, 'bptt', 'delta');
    const gradWRec = await byStep(page, 'bptt', 'gradWRec');
    const gradWX = await byStep(page, 'bptt', 'gradWX');
    expect([1, 2, 3, 4].map((k) => local.get(k))).toEqual(hand.local);
    expect([1, 2, 3, 4].map((k) => delta.get(k))).toEqual(hand.delta);
    expect([1, 2, 3, 4].map((k) => gradWRec.get(k))).toEqual(hand.gradWRec);
    expect([1, 2, 3, 4].map((k) => gradWX.get(k))).toEqual(hand.gradWX);
    expect(await single(page, 'bptt', 'dWRec')).toBe(hand.dWRec);
    expect(await single(page, 'bptt', 'dWX')).toBe(hand.dWX);
    expect(await single(page, 'bptt', 'loss')).toBe(hand.loss);
    // The prose's table states the same numbers.
    const prose = await page.locator('article table').first().textContent();
    for (const text of ['−0.765625', '−1.53125', '−2.0625', '−3.09375', '−1.21875']) expect(prose).toContain(text);
    expect(await page.locator('article').textContent()).toContain('−5.84375');
    expect(problems).toEqual([]);
    await close();
  });

  it('matches backprop() at every step as Next walks the pass from k = n to 1, with the full gradient fixed', async () => {
    const { page, problems, close } = await openPage(browser, `${inject('siteRoot')}${PAGE}`);
    await waitForIslands(page);
    const next = page.locator('[data-demo="bptt"]').getByRole('button', { name: /Next/ });
    for (const k of [4, 3, 2, 1]) {
      await expect.poll(() => shownStep(page), POLL).toBe(k);
      await expectStepperMatchesCore(page, X, W, 'every-step', k);
      if (k > 1) await next.click();
    }
    // At k = 1 the running sums are the gradients.
    const r = backprop(X, W, 'every-step');
    expect(await single(page, 'bptt', 'runningDWRec')).toBe(r.dWRec);
    expect(await single(page, 'bptt', 'runningDWX')).toBe(r.dWX);
    expect(await next.isDisabled()).toBe(true);
    expect(problems).toEqual([]);
    await close();
  });

  it('reads an old link\'s step as its own bpttStep and writes it back under that key (none at k = n)', async () => {
    const { page, problems, close } = await openPage(browser, `${inject('siteRoot')}${PAGE}?step=2`);
    await waitForIslands(page);
    await expect.poll(() => shownStep(page), POLL).toBe(2);
    await expectStepperMatchesCore(page, X, W, 'every-step', 2);
    const demo = page.locator('[data-demo="bptt"]');
    await demo.getByRole('button', { name: /Next/ }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('bpttStep'), POLL).toBe('1');
    expect(new URL(page.url()).searchParams.has('step')).toBe(false);
    await demo.getByRole('button', { name: /Start/ }).click();
    await expect.poll(() => shownStep(page), POLL).toBe(4);
    await expect.poll(() => new URL(page.url()).searchParams.has('bpttStep'), POLL).toBe(false);
    expect(problems).toEqual([]);
    await close();
  });

  it('steps from the keyboard: → and ↓ go to k − 1, ← and ↑ to k + 1, End to k = 1, Home to k = n', async () => {
    const { page, problems, close } = await openPage(browser, `${inject('siteRoot')}${PAGE}`);
    await waitForIslands(page);
    await page.locator('[data-demo="bptt"]').getByRole('button', { name: /Previous/ }).focus();
    // [key, the step it leads to]
    const presses: [string, number][] = [
      ['ArrowRight', 3],
      ['ArrowDown', 2],
      ['ArrowLeft', 3],
      ['ArrowUp', 4],
      ['ArrowUp', 4], // already at k = n: stays
      ['End', 1],
      ['ArrowRight', 1], // already at k = 1: stays
      ['Home', 4],
    ];
    for (const [key, k] of presses) {
      await page.keyboard.press(key);
      await expect.poll(() => shownStep(page), { ...POLL, message: `after ${key}` }).toBe(k);
    }
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => shownStep(page), POLL).toBe(3);
    await expectStepperMatchesCore(page, X, W, 'every-step', 3);
    await expect.poll(() => new URL(page.url()).searchParams.get('bpttStep'), POLL).toBe('3');
    expect(problems).toEqual([]);
    await close();
  });

  it('switches to the final-step error with its radio button: only ∂E_n/∂s_n is non-zero', async () => {
    const { page, problems, close } = await openPage(browser, `${inject('siteRoot')}${PAGE}?step=3`);
    await waitForIslands(page);
    await page.locator('[data-demo="bptt"]').getByRole('radio', { name: /final step/ }).check();
    await expect.poll(() => new URL(page.url()).searchParams.get('objective'), POLL).toBe('final');
    await expect.poll(() => single(page, 'bptt', 'dWRec'), POLL).toBe(backprop(X, W, 'final').dWRec);
    await expectStepperMatchesCore(page, X, W, 'final', 3);
    const local = await byStep(page, 'bptt', 'local');
    expect([1, 2, 3].map((k) => local.get(k))).toEqual([0, 0, 0]);
    // By hand: δ_4 = s_4 − t_4 = 1.375 − 3 = −1.625, halved at each step back.
    const delta = await byStep(page, 'bptt', 'delta');
    expect([4, 3, 2, 1].map((k) => delta.get(k))).toEqual([-1.625, -0.8125, -0.40625, -0.203125]);
    await page.locator('[data-demo="bptt"]').getByRole('radio', { name: /every step/ }).check();
    await expect.poll(() => new URL(page.url()).searchParams.has('objective'), POLL).toBe(false);
    await expectStepperMatchesCore(page, X, W, 'every-step', 3);
    expect(problems).toEqual([]);
    await close();
  });

  it('follows its w_rec slider from the keyboard and its sequence field', async () => {
    const { page, problems, close } = await openPage(browser, `${inject('siteRoot')}${PAGE}`);
    await waitForIslands(page);
    const demo = page.locator('[data-demo="bptt"]');
    const slider = demo.getByRole('slider', { name: 'w rec' });
    await slider.focus();
    // Each ArrowRight moves the range input one step of 0.01.
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => slider.inputValue(), POLL).toBe('0.55');
    await expectStepperMatchesCore(page, X, { wRec: 0.55, wX: 1 }, 'every-step', 4);
    await demo.getByRole('textbox', { name: /Input sequence x/ }).fill('011010');
    await expect.poll(() => shownStep(page), POLL).toBe(6);
    await expectStepperMatchesCore(page, [0, 1, 1, 0, 1, 0], { wRec: 0.55, wX: 1 }, 'every-step', 6);
    expect(problems).toEqual([]);
    await close();
  });

  it('shows a window of rows around k on a long sequence, each matching backprop()', async () => {
    const x = Array.from({ length: 200 }, (_, i) => (i * 7) % 3 === 0 ? 1 : 0);
    const w = { wRec: 0.9, wX: 0.8 };
    const { page, problems, close } = await openPage(browser, `${inject('siteRoot')}${PAGE}?x=${x.join('')}&wRec=0.9&wX=0.8&step=100`);
    await waitForIslands(page);
    await expect.poll(() => shownStep(page), POLL).toBe(100);
    await expectStepperMatchesCore(page, x, w, 'every-step', 100);
    const rows = await byStep(page, 'bptt', 'delta');
    expect(rows.size).toBeLessThanOrEqual(12);
    expect([...rows.keys()]).toContain(100);
    await page.locator('[data-demo="bptt"]').getByRole('button', { name: /End/ }).click();
    await expect.poll(() => shownStep(page), POLL).toBe(1);
    await expectStepperMatchesCore(page, x, w, 'every-step', 1);
    expect(problems).toEqual([]);
    await close();
  });

  it('states overflow in words, never NaN, for w_rec = 3 on 700 ones', async () => {
    const { page, problems, close } = await openPage(browser, `${inject('siteRoot')}${PAGE}?wRec=3&x=${'1'.repeat(700)}`);
    await waitForIslands(page);
    const demo = page.locator('[data-demo="bptt"]');
    await expect.poll(() => demo.textContent(), POLL).toContain('Overflow');
    expect(await demo.textContent()).not.toContain('NaN');
    expect(await page.locator('article').textContent()).not.toContain('NaN');
    expect(problems).toEqual([]);
    await close();
  });
});
