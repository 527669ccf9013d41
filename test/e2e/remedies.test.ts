import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { backprop, chunkedGradients, countingDataset, datasetGradient, datasetLoss, relativeError, train, truncatedGradients, type Objective } from '~/core';
import { formatNumber } from '~/notebook/format.ts';
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

/** What the truncation cell must show for every τ = 1..n: the core's truncated gradients and their relative errors. */
function truncationTable(x: number[], wRec: number, wX: number, objective: Objective) {
  const exact = backprop(x, { wRec, wX }, objective);
  const all = truncatedGradients(x, { wRec, wX }, objective);
  const dWRec = Array.from(all.dWRec.subarray(1));
  const dWX = Array.from(all.dWX.subarray(1));
  return {
    exact,
    dWRec,
    dWX,
    biasWRec: dWRec.map((g) => relativeError(g, exact.dWRec)),
    biasWX: dWX.map((g) => relativeError(g, exact.dWX)),
  };
}

async function expectTruncationMatchesCore(page: Page, x: number[], wRec: number, objective: Objective, tau: number) {
  const want = truncationTable(x, wRec, 1, objective);
  await expect.poll(() => quantities(page, 'truncation', 'tableDWRec'), WAIT).toEqual(want.dWRec);
  expect(await quantities(page, 'truncation', 'tableDWX')).toEqual(want.dWX);
  expect(await quantities(page, 'truncation', 'biasWRec')).toEqual(want.biasWRec);
  expect(await quantities(page, 'truncation', 'biasWX')).toEqual(want.biasWX);
  expect(await quantities(page, 'truncation', 'exactDWRec')).toEqual([want.exact.dWRec]);
  expect(await quantities(page, 'truncation', 'exactDWX')).toEqual([want.exact.dWX]);
  expect(await quantities(page, 'truncation', 'truncDWRec')).toEqual([want.dWRec[tau - 1]]);
  expect(await quantities(page, 'truncation', 'truncDWX')).toEqual([want.dWX[tau - 1]]);
  // chunks of τ, against the core's one-τ-at-a-time chunked BPTT (the cell computes every τ in one pass)
  const chunks = Array.from({ length: x.length }, (_, i) => chunkedGradients(x, { wRec, wX: 1 }, objective, i + 1));
  const close = (shown: number[], expected: number[]) => {
    expect(shown).toHaveLength(expected.length);
    shown.forEach((value, i) => expect(relativeError(value, expected[i]), `τ = ${i + 1}`).toBeLessThanOrEqual(1e-12));
  };
  close(await quantities(page, 'truncation', 'tableChunkDWRec'), chunks.map((c) => c.dWRec));
  close(await quantities(page, 'truncation', 'tableChunkDWX'), chunks.map((c) => c.dWX));
  const bias = await quantities(page, 'truncation', 'chunkBiasWRec');
  expect(bias).toHaveLength(x.length);
  bias.forEach((value, i) => expect(Math.abs(value - relativeError(chunks[i].dWRec, want.exact.dWRec)), `bias at τ = ${i + 1}`).toBeLessThanOrEqual(1e-12));
  close(await quantities(page, 'truncation', 'chunkDWRec'), [chunks[tau - 1].dWRec]);
  close(await quantities(page, 'truncation', 'chunkDWX'), [chunks[tau - 1].dWX]);
}

describe('the truncation cell (data-demo="truncation")', () => {
  it('shows backprop(…, { truncate: τ }) for τ = 1..n against the exact gradient at the page defaults (τ = 3)', async () => {
    const { page, problems, close } = await openPage(browser, `${inject('siteRoot')}${PATH}`);
    await waitForIslands(page);
    await expectTruncationMatchesCore(page, SEED, 0.9, 'every-step', 3);
    // τ = n gives the exact gradient
    const last = (await quantities(page, 'truncation', 'tableDWRec')).at(-1);
    expect(relativeError(last!, backprop(SEED, { wRec: 0.9, wX: 1 }, 'every-step').dWRec)).toBeLessThan(1e-12);
    expect(problems).toEqual([]);
    await close();
  });

  it('follows its τ slider from the keyboard and the objective radio buttons', async () => {
    const { page, problems, close } = await openPage(browser, `${inject('siteRoot')}${PATH}`);
    await waitForIslands(page);
    const slider = page.getByRole('slider', { name: 'truncation window tau' });
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => slider.inputValue(), WAIT).toBe('4');
    await expectTruncationMatchesCore(page, SEED, 0.9, 'every-step', 4);
    await page.locator('[data-demo="truncation"]').getByRole('radio', { name: /final step/ }).check();
    await expectTruncationMatchesCore(page, SEED, 0.9, 'final', 4);
    await expect.poll(() => new URL(page.url()).searchParams.get('tau'), WAIT).toBe('4');
    expect(problems).toEqual([]);
    await close();
  });

  it('reads w_rec, x and τ from the URL', async () => {
    const x = [1, 1, 0, 1, 0, 1, 1, 1];
    const { page, problems, close } = await openPage(browser, `${inject('siteRoot')}${PATH}?wRec=1.2&x=${x.join('')}&tau=2`);
    await waitForIslands(page);
    await expectTruncationMatchesCore(page, x, 1.2, 'every-step', 2);
    expect(problems).toEqual([]);
    await close();
  });
});

describe('the penalty cell (data-demo="penalty")', () => {
  /** The optimum the cell shows for λ, read after the URL sets it. */
  async function optimumAt(lambda: number) {
    const { page, problems, close } = await openPage(browser, `${inject('siteRoot')}${PATH}?lambda=${lambda}`);
    await waitForIslands(page);
    const [wRec] = await quantities(page, 'penalty', 'optimumWRec');
    const [wX] = await quantities(page, 'penalty', 'optimumWX');
    const [norm] = await quantities(page, 'penalty', 'optimumNorm');
    expect(problems).toEqual([]);
    await close();
    return { wRec, wX, norm };
  }

  it('moves the optimum towards 0 as λ grows (λ = 0, 0.1, 1, 10), each a stationary point of E + λ/2 ‖w‖²', async () => {
    const data = countingDataset({});
    const optima = [];
    for (const lambda of [0, 0.1, 1, 10]) {
      const w = await optimumAt(lambda);
      // independent check: the exact gradient of the penalised loss vanishes there (‖∇‖ < 1e-6)
      const g = datasetGradient(data, w, 'every-step');
      expect(Math.hypot(g.dWRec + lambda * w.wRec, g.dWX + lambda * w.wX)).toBeLessThan(1e-6);
      expect(relativeError(w.norm, Math.hypot(w.wRec, w.wX))).toBeLessThan(1e-12);
      optima.push(w);
    }
    expect(optima[0]).toMatchObject({ wRec: 1, wX: 1 });
    for (let i = 1; i < optima.length; i++) expect(optima[i].norm).toBeLessThan(optima[i - 1].norm);
  });

  it('follows its λ slider from the keyboard', async () => {
    const { page, problems, close } = await openPage(browser, `${inject('siteRoot')}${PATH}`);
    await waitForIslands(page);
    const slider = page.getByRole('slider', { name: 'penalty lambda' });
    await slider.focus();
    const before = (await quantities(page, 'penalty', 'optimumNorm'))[0];
    for (let i = 0; i < 50; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => slider.inputValue(), WAIT).toBe('0.5');
    await expect.poll(async () => (await quantities(page, 'penalty', 'optimumNorm'))[0], WAIT).toBeLessThan(before);
    await expect.poll(() => page.locator('[data-demo="penalty"] .penalty-summary').textContent(), WAIT).toContain('λ = 0.5');
    expect(problems).toEqual([]);
    await close();
  });
});

describe('the clipping cell (data-demo="clipping")', () => {
  /** Gradient descent as the cell runs it: up to 500 updates of train(), stopping once the weights overflow. */
  function gd(lr: number, clipNorm: number | undefined) {
    let last;
    for (const step of train(countingDataset({}), { wX: -1.5, wRec: 2 }, { kind: 'gd', learningRate: lr }, { objective: 'final', clipNorm })) {
      last = step;
      if (!Number.isFinite(step.w.wX) || !Number.isFinite(step.w.wRec) || step.iteration >= 500) break;
    }
    return last!;
  }

  it('a prose link sets θ = 1, η = 0.01 and the final-step error: the plain run overflows, the clipped one matches train()', async () => {
    const { page, problems, close } = await openPage(browser, `${inject('siteRoot')}${PATH}`);
    await waitForIslands(page);
    await expect.poll(() => quantities(page, 'clipping', 'plainOverflow'), WAIT).toHaveLength(1);
    await page.getByRole('link', { name: 'η = 0.01 and θ = 1' }).click();
    // θ = 1 and η = 0.01 are the page's defaults; the link also switches to the final-step error
    await expect.poll(() => new URL(page.url()).searchParams.get('objective'), WAIT).toBe('final');
    const clipped = gd(0.01, 1);
    const plain = gd(0.01, undefined);
    await expect.poll(() => quantities(page, 'clipping', 'clippedWX'), WAIT).toEqual([clipped.w.wX]);
    expect(await quantities(page, 'clipping', 'clippedWRec')).toEqual([clipped.w.wRec]);
    expect(await quantities(page, 'clipping', 'clippedLoss')).toEqual([clipped.loss]);
    expect(clipped.iteration).toBe(500);
    // without clipping the weights overflow on the third update, and the cell says so in words
    expect(plain.iteration).toBe(3);
    expect(await quantities(page, 'clipping', 'plainOverflow')).toEqual([3]);
    const text = await page.locator('[data-demo="clipping"]').textContent();
    expect(text).toContain('the weights overflow at iteration 3');
    expect(text).not.toContain('NaN');
    expect(problems).toEqual([]);
    await close();
  });

  it('shows beside the clipped run\'s final weights the core\'s loss at those weights, and plots the loss at each iteration\'s weights', async () => {
    const { page, problems, close } = await openPage(browser, `${inject('siteRoot')}${PATH}?objective=final&clip=1&lr=0.01`);
    await waitForIslands(page);
    await expect.poll(() => quantities(page, 'clipping', 'clippedWX'), WAIT).toHaveLength(1);
    const [wX] = await quantities(page, 'clipping', 'clippedWX');
    const [wRec] = await quantities(page, 'clipping', 'clippedWRec');
    const [shownLoss] = await quantities(page, 'clipping', 'clippedLoss');
    const data = countingDataset({});
    expect(shownLoss).toBe(datasetLoss(data, { wX, wRec }, 'final'));
    // the curve starts at iteration 0, the start's loss, and ends at the loss at the weights shown
    const curve = await quantities(page, 'clipping', 'lossClipped');
    const from = await page.locator('[data-demo="clipping"] [data-quantity="lossClipped"]').getAttribute('data-iteration-from');
    expect(from).toBe('0');
    expect(curve).toHaveLength(501);
    expect(curve[0]).toBe(datasetLoss(data, { wX: -1.5, wRec: 2 }, 'final'));
    expect(curve[500]).toBe(shownLoss);
    const startText = await page.locator('[data-demo="clipping"] .clip-start').textContent();
    expect(startText).toContain(formatNumber(curve[0]));
    expect(problems).toEqual([]);
    await close();
  });

  it('refuses a negative θ with a message and keeps the last good runs', async () => {
    const { page, problems, close } = await openPage(browser, `${inject('siteRoot')}${PATH}?objective=final`);
    await waitForIslands(page);
    const field = page.locator('[data-demo="clipping"]').getByRole('textbox', { name: /clip the gradient norm/ });
    await field.fill('-2');
    await expect.poll(() => page.locator('[data-demo="clipping"] .message.error').textContent(), WAIT).toContain('between 0 and 1000');
    const clipped = gd(0.01, 1);
    expect(await quantities(page, 'clipping', 'clippedWX')).toEqual([clipped.w.wX]);
    await field.fill('5');
    const five = gd(0.01, 5);
    await expect.poll(() => quantities(page, 'clipping', 'clippedWX'), WAIT).toEqual([five.w.wX]);
    expect(problems).toEqual([]);
    await close();
  });
});
