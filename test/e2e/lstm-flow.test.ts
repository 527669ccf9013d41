import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { lstmForward, lstmInit } from '~/core/lstm.ts';
import { cellFlow, cellPathFlow, errorFlow } from '~/core/lstm-flow.ts';
import { relativeError } from '~/core';
import { launchBrowser, openPage, quantities, waitForIslands } from '../support/browser.ts';

const PATH = 'vanishing-and-exploding-gradients/';
/** Long sequences (n = 1000) take a while to re-render on a busy machine: wait for them, don't race them. */
const WAIT = { timeout: 30_000, interval: 200 };
const SEED = [0, 1, 1, 0, 0, 0, 0, 1, 0, 0, 1, 1];
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The cell's idealised curves must be errorFlow's, value for value. */
async function expectFlowMatchesCore(page: Page, n: number, wRec: number, forget: number) {
  const { cell, plain } = errorFlow({ n, wRec, forget });
  await expect.poll(() => quantities(page, 'lstm-flow', 'cellFlow'), WAIT).toEqual(Array.from(cell));
  await expect.poll(() => quantities(page, 'lstm-flow', 'plainFlow'), WAIT).toEqual(Array.from(plain));
}

/**
 * The shown values agree with the expected ones to a relative 1e-9: the browser's Math.exp and Math.tanh may differ
 * from Node's in the last bit, and 200 steps of a cell compound that.
 */
function expectClose(shown: number[], expected: number[]) {
  expect(shown).toHaveLength(expected.length);
  const worst = Math.max(0, ...shown.map((v, k) => relativeError(v, expected[k])));
  expect(worst).toBeLessThan(1e-9);
}

/** The measured run as the page describes it: 2 units, seed 7, b_f = logit f, the page's x repeated to length n. */
function measured(n: number, f: number) {
  const params = lstmInit({ hiddenSize: 2, seed: 7, forgetGate: f < 1, forgetBias: f < 1 ? Math.log(f / (1 - f)) : 0 });
  const trace = lstmForward(params, Array.from({ length: n }, (_, i) => SEED[i % SEED.length]));
  return {
    path: cellPathFlow(trace).map((row) => row[0]),
    total: cellFlow(params, trace).map((row) => row[0]),
  };
}

describe('the LSTM error-flow cell (data-demo="lstm-flow")', () => {
  it('shows errorFlow({ n: 50, wRec: 0.9, forget: 0.95 }) at the page defaults, and the measured run', async () => {
    const { page, problems, close } = await openPage(browser, `${inject('siteRoot')}${PATH}`);
    await waitForIslands(page);
    await expectFlowMatchesCore(page, 50, 0.9, 0.95);
    const run = measured(50, 0.95);
    expectClose(await quantities(page, 'lstm-flow', 'measuredCellPath'), run.path);
    expectClose(await quantities(page, 'lstm-flow', 'measuredTotal'), run.total);
    expect(problems).toEqual([]);
    await close();
  });

  it('follows its forget-gate slider to f = 1 (the 1997 cell: every factor 1) and back down from the keyboard', async () => {
    const { page, problems, close } = await openPage(browser, `${inject('siteRoot')}${PATH}`);
    await waitForIslands(page);
    const slider = page.getByRole('slider', { name: 'forget gate f' });
    await slider.focus();
    await page.keyboard.press('End');
    await expect.poll(() => slider.inputValue(), WAIT).toBe('1');
    await expectFlowMatchesCore(page, 50, 0.9, 1);
    expect(await quantities(page, 'lstm-flow', 'cellFlow')).toEqual(new Array(51).fill(1));
    expect(await quantities(page, 'lstm-flow', 'measuredCellPath')).toEqual(new Array(51).fill(1));
    await expect.poll(() => page.locator('[data-demo="lstm-flow"] .lstm-summary').textContent(), WAIT).toContain('1997 cell');
    for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowLeft');
    await expect.poll(() => slider.inputValue(), WAIT).toBe('0.9');
    await expectFlowMatchesCore(page, 50, 0.9, 0.9);
    expect(problems).toEqual([]);
    await close();
  });

  it('reads f, w_rec and n from the URL, and hides the measured run when asked', async () => {
    const { page, problems, close } = await openPage(browser, `${inject('siteRoot')}${PATH}?forget=0.5&wRec=-0.8&n=200`);
    await waitForIslands(page);
    await expectFlowMatchesCore(page, 200, -0.8, 0.5);
    const run = measured(200, 0.5);
    await expect.poll(async () => (await quantities(page, 'lstm-flow', 'measuredTotal')).length, WAIT).toBe(201);
    expectClose(await quantities(page, 'lstm-flow', 'measuredTotal'), run.total);
    expectClose(await quantities(page, 'lstm-flow', 'measuredCellPath'), run.path);
    await page.getByRole('checkbox', { name: /measured run/ }).uncheck();
    await expect.poll(() => quantities(page, 'lstm-flow', 'measuredCellPath'), WAIT).toEqual([]);
    await expectFlowMatchesCore(page, 200, -0.8, 0.5);
    expect(problems).toEqual([]);
    await close();
  });

  it('states the plain recurrence overflow in words for w_rec = 3, n = 1000, never NaN', async () => {
    const { page, problems, close } = await openPage(browser, `${inject('siteRoot')}${PATH}?wRec=3&n=1000&forget=1`);
    await waitForIslands(page);
    await expectFlowMatchesCore(page, 1000, 3, 1);
    const text = await page.locator('[data-demo="lstm-flow"]').textContent();
    expect(text).toContain('overflows');
    expect(text).not.toContain('NaN');
    expect(problems).toEqual([]);
    await close();
  });
});
