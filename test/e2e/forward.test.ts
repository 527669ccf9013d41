import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { forward } from '~/core';
import { launchBrowser, openPage, waitForIslands } from '../support/browser.ts';

const SEED = [0, 1, 1, 0, 0, 0, 0, 1, 0, 0, 1, 1];
const CELL = '[data-demo="forward"]';
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
  const watched = await openPage(browser, `${inject('siteRoot')}counting-ones/${query}`);
  await waitForIslands(watched.page);
  return watched;
};

/** Every number the cell shows with a data-quantity: name, step (when it has one) and full-precision value. */
async function shown(page: Page) {
  return page.locator(`${CELL} [data-quantity]`).evaluateAll((nodes) =>
    nodes.map((node) => {
      const { quantity, k, value } = (node as HTMLElement).dataset;
      return { quantity: quantity ?? '', k: k === undefined ? undefined : Number(k), value: Number(value) };
    }),
  );
}

/** Checks every number the cell shows against forward() for the same sequence, weights and step. */
async function expectCellMatchesCore(page: Page, x: number[], wRec: number, wX: number, k: number) {
  const s = forward(x, { wRec, wX });
  await expect.poll(async () => (await shown(page)).find((q) => q.quantity === 's'), POLL).toEqual({ quantity: 's', k, value: s[k] });
  const numbers = await shown(page);
  const one = (quantity: string) => numbers.filter((q) => q.quantity === quantity);
  expect(one('k')).toEqual([{ quantity: 'k', k: undefined, value: k }]);
  expect(one('s-prev')).toEqual([{ quantity: 's-prev', k: k - 1, value: s[k - 1] }]);
  expect(one('x-k')).toEqual([{ quantity: 'x-k', k, value: x[k - 1] }]);
  expect(one('w-rec').map((q) => q.value)).toEqual([wRec]);
  expect(one('w-x').map((q) => q.value)).toEqual([wX]);
  // The unrolled graph: a window of nodes that holds step k, each showing its state.
  const nodes = one('graph-s');
  expect(nodes.length).toBeGreaterThan(0);
  expect(nodes.map((q) => q.k)).toContain(k);
  for (const node of nodes) expect(node.value).toBe(s[node.k ?? -1]);
  // Every toggle shown says its input's value.
  const toggles = page.locator(`${CELL} button[aria-pressed]`);
  for (let i = 0; i < (await toggles.count()); i++) {
    const toggle = toggles.nth(i);
    const index = Number((await toggle.textContent())?.replace('x', '')) - 1;
    expect(await toggle.getAttribute('aria-pressed')).toBe(x[index] === 1 ? 'true' : 'false');
  }
}

const equationText = (page: Page) => page.locator(`${CELL} .step-equation`).textContent().then((t) => t?.replace(/\s+/g, ' ').trim());
const urlParam = (page: Page, key: string) => new URL(page.url()).searchParams.get(key);

describe('the forward-pass cell (data-demo="forward")', () => {
  it('server-renders the seed sequence at (1, 1) at the last step, s_12 = 5, and hydrates to the same', async () => {
    const { page, problems, close } = await open();
    await expectCellMatchesCore(page, SEED, 1, 1, 12);
    expect(await equationText(page)).toBe('s12 = s11 · wrec + x12 · wx = 4 · 1 + 1 · 1 = 5');
    expect(problems).toEqual([]);
    await close();
  });

  it('reads the step from the URL: ?step=3 shows s_3 = s_2 · w_rec + x_3 · w_x = 1 · 1 + 1 · 1 = 2', async () => {
    const { page, problems, close } = await open('?step=3');
    await expect.poll(() => equationText(page), POLL).toBe('s3 = s2 · wrec + x3 · wx = 1 · 1 + 1 · 1 = 2');
    await expectCellMatchesCore(page, SEED, 1, 1, 3);
    expect(problems).toEqual([]);
    await close();
  });

  it('steps with the Previous and Next buttons and writes the step to the URL', async () => {
    const { page, problems, close } = await open();
    const previous = page.getByRole('button', { name: 'Previous' });
    const next = page.getByRole('button', { name: 'Next' });
    await previous.click();
    await previous.click();
    await expectCellMatchesCore(page, SEED, 1, 1, 10);
    await expect.poll(() => urlParam(page, 'step'), POLL).toBe('10');
    await next.click();
    await expectCellMatchesCore(page, SEED, 1, 1, 11);
    await next.click();
    await expectCellMatchesCore(page, SEED, 1, 1, 12);
    // At the last step Next is marked disabled but keeps focus; pressing it changes nothing.
    expect(await next.getAttribute('aria-disabled')).toBe('true');
    await next.focus();
    await page.keyboard.press('Enter');
    await expectCellMatchesCore(page, SEED, 1, 1, 12);
    expect(await next.evaluate((button) => button === document.activeElement)).toBe(true);
    expect(problems).toEqual([]);
    await close();
  });

  it('steps with the arrow keys, Home and End on the focused step control and on the buttons', async () => {
    const { page, problems, close } = await open();
    const range = page.getByRole('slider', { name: 'step k' });
    await range.focus();
    await page.keyboard.press('Home');
    await expectCellMatchesCore(page, SEED, 1, 1, 1);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expectCellMatchesCore(page, SEED, 1, 1, 3);
    await expect.poll(() => urlParam(page, 'step'), POLL).toBe('3');
    await page.keyboard.press('End');
    await expectCellMatchesCore(page, SEED, 1, 1, 12);
    await page.keyboard.press('ArrowLeft');
    await expectCellMatchesCore(page, SEED, 1, 1, 11);
    // The same keys on the focused Previous button.
    await page.getByRole('button', { name: 'Previous' }).focus();
    await page.keyboard.press('ArrowLeft');
    await expectCellMatchesCore(page, SEED, 1, 1, 10);
    await page.keyboard.press('Home');
    await expectCellMatchesCore(page, SEED, 1, 1, 1);
    // At step 1, s_0 = 0 appears in the equation.
    expect(await equationText(page)).toBe('s1 = s0 · wrec + x1 · wx = 0 · 1 + 0 · 1 = 0');
    await page.keyboard.press('End');
    await expectCellMatchesCore(page, SEED, 1, 1, 12);
    expect(problems).toEqual([]);
    await close();
  });

  it('toggles an input on click, and on Space and Enter from the keyboard', async () => {
    const { page, problems, close } = await open('?step=4');
    const x = [...SEED];
    await page.getByRole('button', { name: 'x1', exact: true }).click();
    x[0] = 1;
    await expectCellMatchesCore(page, x, 1, 1, 4);
    await expect.poll(() => urlParam(page, 'x'), POLL).toBe(x.join(''));
    const fourth = page.getByRole('button', { name: 'x4', exact: true });
    await fourth.focus();
    await page.keyboard.press('Space');
    x[3] = 1;
    await expectCellMatchesCore(page, x, 1, 1, 4);
    expect(await equationText(page)).toBe('s4 = s3 · wrec + x4 · wx = 3 · 1 + 1 · 1 = 4');
    await page.keyboard.press('Enter');
    x[3] = 0;
    await expectCellMatchesCore(page, x, 1, 1, 4);
    expect(problems).toEqual([]);
    await close();
  });

  it('follows its w_rec slider from the keyboard and its w_x slider when dragged', async () => {
    const { page, problems, close } = await open('?step=8');
    const wRec = page.getByRole('slider', { name: 'w rec' });
    await wRec.focus();
    // Each ArrowLeft moves the range input one step of 0.01.
    for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowLeft');
    await expect.poll(() => wRec.inputValue(), POLL).toBe('0.9');
    await expectCellMatchesCore(page, SEED, 0.9, 1, 8);
    await page.getByRole('slider', { name: 'w x' }).fill('-1.5');
    await expectCellMatchesCore(page, SEED, 0.9, -1.5, 8);
    // A negative number is put in parentheses where it is multiplied.
    expect(await equationText(page)).toContain('· (−1.5)');
    await expect.poll(() => urlParam(page, 'wX'), POLL).toBe('-1.5');
    expect(problems).toEqual([]);
    await close();
  });

  it('refuses letters, an empty sequence and more than 1,000 steps with a message, keeping the last good result', async () => {
    const { page, problems, close } = await open('?step=5');
    const field = page.getByRole('textbox', { name: /Input sequence x/ });
    const message = page.locator(`${CELL} .message.error`);
    await field.fill('0110a1');
    await expect.poll(() => message.textContent(), POLL).toContain('"a" at position 5');
    await expectCellMatchesCore(page, SEED, 1, 1, 5);
    await field.fill('');
    await expect.poll(() => message.textContent(), POLL).toContain('empty');
    await expectCellMatchesCore(page, SEED, 1, 1, 5);
    await field.fill('1'.repeat(1001));
    await expect.poll(() => message.textContent(), POLL).toContain('at most 1000');
    await expectCellMatchesCore(page, SEED, 1, 1, 5);
    expect(problems).toEqual([]);
    await close();
  });

  it('clamps the step when the sequence gets shorter', async () => {
    const { page, problems, close } = await open('?step=10');
    await page.getByRole('textbox', { name: /Input sequence x/ }).fill('0111');
    await expectCellMatchesCore(page, [0, 1, 1, 1], 1, 1, 4);
    await expect.poll(() => urlParam(page, 'step'), POLL).toBe('4');
    expect(problems).toEqual([]);
    await close();
  });

  it.each([
    // past the end of the 12-step sequence
    ['?step=20', 'between 1 and n = 12'],
    // below the first step
    ['?step=0', 'between 1 and 1000'],
    // not a number
    ['?step=three', 'must be a decimal number'],
  ])('ignores a bad step in the URL (%s) with a notice and shows the last step', async (query, reason) => {
    const { page, problems, close } = await open(query);
    await expect.poll(() => page.locator('.notebook-bar .notice').textContent(), POLL).toContain(reason);
    await expectCellMatchesCore(page, SEED, 1, 1, 12);
    expect(problems).toEqual([]);
    await close();
  });

  it('states overflow in words, shows the finite states before it, and never shows NaN', async () => {
    const x = Array(1000).fill(1);
    const s = forward(x, { wRec: 3, wX: 1 });
    const firstInfinite = s.findIndex((v) => !Number.isFinite(v));
    const { page, problems, close } = await open(`?wRec=3&x=${x.join('')}`);
    await expect.poll(() => page.locator(CELL).textContent(), POLL).toContain(`from step ${firstInfinite} on they are too large`);
    expect(await page.locator(CELL).textContent()).not.toContain('NaN');
    // The last step shows ∞ in its equation.
    expect(await equationText(page)).toContain('= ∞');
    // A step before the overflow shows its finite numbers, as the core computes them.
    const range = page.getByRole('slider', { name: 'step k' });
    await range.fill(String(firstInfinite - 1));
    await expectCellMatchesCore(page, x, 3, 1, firstInfinite - 1);
    expect(Number.isFinite((await shown(page)).find((q) => q.quantity === 's')?.value)).toBe(true);
    expect(problems).toEqual([]);
    await close();
  });

  it.each([
    // forgetting: s_12 ≈ 3.29 instead of 5
    ['Try wrec = 0.9', 0.9, 1],
    // amplifying: s_12 ≈ 8.52
    ['Try wrec = 1.1', 1.1, 1],
    // scaling: s_12 = 10
    ['try wx = 2', 1, 2],
  ])('the prose link "%s" sets the weights and brings the cell into view', async (name, wRec, wX) => {
    const { page, problems, close } = await open('?step=3');
    await page.getByRole('link', { name }).click();
    await expectCellMatchesCore(page, SEED, wRec, wX, 12);
    expect(await page.locator(`${CELL} .step-equation`).isVisible()).toBe(true);
    await expect.poll(() => urlParam(page, 'wRec'), POLL).toBe(wRec === 1 ? null : String(wRec));
    expect(problems).toEqual([]);
    await close();
  });
});
