import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { backprop, numericalGradient, relativeError, type Objective } from '~/core';
import { launchBrowser, openPage, quantities, waitForIslands } from '../support/browser.ts';

const PAGE = 'backpropagation-through-time/';
/** The page's defaults (its frontmatter): x = 1101, w_rec = 0.5, w_x = 1, every-step error. */
const X = [1, 1, 0, 1];
const SEED = [0, 1, 1, 0, 0, 0, 0, 1, 0, 0, 1, 1];

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

/** The one value a demo shows for a quantity. */
async function single(page: Page, demo: string, quantity: string): Promise<number> {
  const values = await quantities(page, demo, quantity);
  expect(values).toHaveLength(1);
  return values[0];
}

/** The sums of the source article's last line taken literally: Σ_k ∂E_k/∂s_k s_{k−1} and Σ_k ∂E_k/∂s_k x_k. */
function localOnlySums(x: number[], w: { wRec: number; wX: number }, objective: Objective) {
  const { s, local } = backprop(x, w, objective);
  let dWRec = 0;
  let dWX = 0;
  for (let k = 1; k <= x.length; k++) {
    dWRec += local[k] * s[k - 1];
    dWX += local[k] * x[k - 1];
  }
  return { dWRec, dWX };
}

/** Checks the gradient-check cell against backprop(), numericalGradient() and relativeError() run in the test. */
async function expectCheckMatchesCore(page: Page, x: number[], w: { wRec: number; wX: number }, objective: Objective) {
  const r = backprop(x, w, objective);
  const numerical = numericalGradient(x, w, objective);
  await expect.poll(() => single(page, 'gradient-check', 'dWRec'), POLL).toBe(z(r.dWRec));
  expect(await single(page, 'gradient-check', 'dWX')).toBe(z(r.dWX));
  expect(await single(page, 'gradient-check', 'numericalDWRec')).toBe(z(numerical.dWRec));
  expect(await single(page, 'gradient-check', 'numericalDWX')).toBe(z(numerical.dWX));
  const err = Math.max(relativeError(r.dWRec, numerical.dWRec), relativeError(r.dWX, numerical.dWX));
  expect(await single(page, 'gradient-check', 'relativeError')).toBe(err);
  // The local-only sums agree with the literal sum computed here to rounding (relative tolerance 1e-12).
  const literal = localOnlySums(x, w, objective);
  expect(relativeError(await single(page, 'gradient-check', 'localOnlyDWRec'), literal.dWRec)).toBeLessThanOrEqual(1e-12);
  expect(relativeError(await single(page, 'gradient-check', 'localOnlyDWX'), literal.dWX)).toBeLessThanOrEqual(1e-12);
  return { r, numerical, err, literal };
}

describe('the gradient check (data-demo="gradient-check")', () => {
  it('agrees with central differences at the defaults and shows the local-only sums far off', async () => {
    const { page, problems, close } = await openPage(browser, `${inject('siteRoot')}${PAGE}`);
    await waitForIslands(page);
    const { err } = await expectCheckMatchesCore(page, X, { wRec: 0.5, wX: 1 }, 'every-step');
    expect(err).toBeLessThanOrEqual(1e-6);
    // By hand (the chapter's worked example): 0·0 − 0.5·1 − 1.25·1.5 − 1.625·0.75 and 0 − 0.5 + 0 − 1.625.
    expect(await single(page, 'gradient-check', 'localOnlyDWRec')).toBe(-3.59375);
    expect(await single(page, 'gradient-check', 'localOnlyDWX')).toBe(-2.125);
    // Against the true −5.84375 and −3.921875: 38.5 % and 45.8 % off, the larger shown.
    const off = await single(page, 'gradient-check', 'localOnlyError');
    expect(off).toBe(Math.max(relativeError(-3.59375, -5.84375), relativeError(-2.125, -3.921875)));
    expect(off).toBeGreaterThan(0.3);
    const text = await page.locator('[data-demo="gradient-check"]').textContent();
    expect(text).toContain('below 10⁻⁶');
    expect(text).toContain('46 %');
    expect(problems).toEqual([]);
    await close();
  });

  it.each([
    // the seed sequence at weights away from the minimum, every step
    [SEED, { wRec: 1.2, wX: -0.7 }, 'every-step' as const],
    // the seed sequence, final-step error, w_rec < 1
    [SEED, { wRec: 0.8, wX: 1.5 }, 'final' as const],
    // a negative recurrent weight on a short sequence
    [[1, 0, 1, 1, 0], { wRec: -0.6, wX: 0.3 }, 'every-step' as const],
  ])('agrees with central differences to 1e-6 on %j at %j (%s), read from the URL', async (x, w, objective) => {
    const query = `?x=${x.join('')}&wRec=${w.wRec}&wX=${w.wX}&objective=${objective}`;
    const { page, problems, close } = await openPage(browser, `${inject('siteRoot')}${PAGE}${query}`);
    await waitForIslands(page);
    const { err, r, literal } = await expectCheckMatchesCore(page, x, w, objective);
    expect(err).toBeLessThanOrEqual(1e-6);
    expect(relativeError(literal.dWRec, r.dWRec)).toBeGreaterThan(1e-3);
    expect(problems).toEqual([]);
    await close();
  });

  it('for the final-step error explains that the local-only sum is the last term alone', async () => {
    const { page, problems, close } = await openPage(browser, `${inject('siteRoot')}${PAGE}`);
    await waitForIslands(page);
    await page.locator('[data-demo="gradient-check"]').getByRole('radio', { name: /final step/ }).check();
    await expect.poll(() => new URL(page.url()).searchParams.get('objective'), POLL).toBe('final');
    const { r } = await expectCheckMatchesCore(page, X, { wRec: 0.5, wX: 1 }, 'final');
    // The k = n term: (s_4 − t_4) s_3 = −1.625 · 0.75, and (s_4 − t_4) x_4 = −1.625.
    expect(await single(page, 'gradient-check', 'localOnlyDWRec')).toBe(z(r.gradWRec[4]));
    expect(await single(page, 'gradient-check', 'localOnlyDWRec')).toBe(-1.21875);
    expect(await single(page, 'gradient-check', 'localOnlyDWX')).toBe(-1.625);
    expect(await page.locator('[data-demo="gradient-check"]').textContent()).toContain('single term');
    // The stepper on the same page switched with it.
    expect(await single(page, 'bptt', 'dWRec')).toBe(z(r.dWRec));
    expect(problems).toEqual([]);
    await close();
  });

  it('at the minimum (1, 1) says the relative error is meaningless instead of failing the check', async () => {
    const { page, problems, close } = await openPage(browser, `${inject('siteRoot')}${PAGE}?wRec=1&wX=1`);
    await waitForIslands(page);
    await expectCheckMatchesCore(page, X, { wRec: 1, wX: 1 }, 'every-step');
    expect(await single(page, 'gradient-check', 'dWRec')).toBe(0);
    const numerical = numericalGradient(X, { wRec: 1, wX: 1 }, 'every-step');
    expect(await single(page, 'gradient-check', 'absoluteDifference')).toBe(Math.max(Math.abs(numerical.dWRec), Math.abs(numerical.dWX)));
    expect(await page.locator('[data-demo="gradient-check"]').textContent()).toContain('says nothing');
    expect(problems).toEqual([]);
    await close();
  });

  it('follows its w_x slider from the keyboard, and every cell on the page follows it', async () => {
    const { page, problems, close } = await openPage(browser, `${inject('siteRoot')}${PAGE}`);
    await waitForIslands(page);
    const slider = page.locator('[data-demo="gradient-check"]').getByRole('slider', { name: 'w x' });
    await slider.focus();
    // Each ArrowLeft moves the range input one step of 0.01.
    for (let i = 0; i < 20; i++) await page.keyboard.press('ArrowLeft');
    await expect.poll(() => slider.inputValue(), POLL).toBe('0.8');
    const w = { wRec: 0.5, wX: 0.8 };
    const { err } = await expectCheckMatchesCore(page, X, w, 'every-step');
    expect(err).toBeLessThanOrEqual(1e-6);
    const r = backprop(X, w, 'every-step');
    expect(await single(page, 'bptt', 'dWX')).toBe(z(r.dWX));
    expect(await single(page, 'gradient-wx', 'dWX')).toBe(z(r.dWX));
    expect(await single(page, 'gradient-wrec', 'dWRec')).toBe(z(r.dWRec));
    await expect.poll(() => new URL(page.url()).searchParams.get('wX'), POLL).toBe('0.8');
    expect(problems).toEqual([]);
    await close();
  });

  it('states overflow in words, never NaN', async () => {
    const { page, problems, close } = await openPage(browser, `${inject('siteRoot')}${PAGE}?wRec=-3&x=${'1'.repeat(800)}`);
    await waitForIslands(page);
    const demo = page.locator('[data-demo="gradient-check"]');
    await expect.poll(() => demo.textContent(), POLL).toContain('Overflow');
    expect(await demo.textContent()).not.toContain('NaN');
    expect(problems).toEqual([]);
    await close();
  });
});

describe('the gradient cells (data-demo="gradient-wrec", "gradient-wx")', () => {
  it('write each sum out term by term with the core\'s numbers, equal to the hand-worked example', async () => {
    const { page, problems, close } = await openPage(browser, `${inject('siteRoot')}${PAGE}`);
    await waitForIslands(page);
    const r = backprop(X, { wRec: 0.5, wX: 1 }, 'every-step');
    expect(await quantities(page, 'gradient-wrec', 'gradWRec')).toEqual(Array.from(r.gradWRec.slice(1), z));
    expect(await quantities(page, 'gradient-wx', 'gradWX')).toEqual(Array.from(r.gradWX.slice(1), z));
    // By hand: δ_k s_{k−1} = 0, −1.53125, −3.09375, −1.21875 and δ_k x_k = −0.765625, −1.53125, 0, −1.625.
    expect(await quantities(page, 'gradient-wrec', 'gradWRec')).toEqual([0, -1.53125, -3.09375, -1.21875]);
    expect(await single(page, 'gradient-wrec', 'dWRec')).toBe(-5.84375);
    expect(await single(page, 'gradient-wx', 'dWX')).toBe(-3.921875);
    const text = await page.locator('[data-demo="gradient-wrec"]').textContent();
    expect(text).toContain('(−0.7656) × 0');
    expect(text).toContain('(−2.063) × 1.5');
    expect(problems).toEqual([]);
    await close();
  });

  it('on a long sequence show the first and last terms and the full sum', async () => {
    const { page, problems, close } = await openPage(browser, `${inject('siteRoot')}${PAGE}?x=${SEED.join('')}&wRec=0.9`);
    await waitForIslands(page);
    const r = backprop(SEED, { wRec: 0.9, wX: 1 }, 'every-step');
    await expect.poll(() => single(page, 'gradient-wrec', 'dWRec'), POLL).toBe(z(r.dWRec));
    const terms = await page
      .locator('[data-demo="gradient-wrec"] [data-quantity="gradWRec"]')
      .evaluateAll((nodes) => nodes.map((node) => [Number((node as HTMLElement).dataset.k), Number((node as HTMLElement).dataset.value)]));
    expect(terms.map(([k]) => k)).toEqual([1, 2, 3, 10, 11, 12]);
    for (const [k, value] of terms) expect(value).toBe(z(r.gradWRec[k]));
    expect(await page.locator('[data-demo="gradient-wrec"]').textContent()).toContain('6 more terms');
    expect(problems).toEqual([]);
    await close();
  });
});
