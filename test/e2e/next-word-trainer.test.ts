import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  buildDataset,
  deserializeParams,
  encode,
  encodeHeldOut,
  heldOutLoss,
  hiddenStates,
  meanLoss,
  predictNext,
  sentencesText,
  splitCorpus,
  topK,
  trainLM,
} from '~/core/lm/index.ts';
import type { LmTrainOptions, Params } from '~/core/lm/index.ts';
import { launchBrowser, openPage, quantities, waitForIslands } from '../support/browser.ts';

/** Relative tolerance between what the page trained and what the core trains here with the same options. */
const TOLERANCE = 1e-9;
const shipped = JSON.parse(readFileSync('public/data/lm-weights.json', 'utf8'));
const { params: shippedParams, dict } = deserializeParams(shipped);
const split = splitCorpus(readFileSync('data/corpus.txt', 'utf8'), shipped.meta.split);
const dataset = buildDataset(sentencesText(split.training));
const heldOut = encodeHeldOut(dataset.dict, split.heldOut);
const hyper = shipped.meta.hyperParameters as LmTrainOptions;
const stepsPerEpoch = Math.ceil(dataset.sequences.length / hyper.batchSize!);

/**
 * Trains in Node on the training part with the shipped options and `epochs` epochs: the final weights, each epoch's
 * mean batch loss, the held-out loss after each epoch, and both losses at the final weights.
 */
function trainHere(epochs: number) {
  const trainer = trainLM(dataset, { ...hyper, epochs });
  const sums = new Array<number>(epochs).fill(0);
  const words = new Array<number>(epochs).fill(0);
  const heldOutLosses: number[] = [];
  let result = trainer.next();
  while (!result.done) {
    const { epoch, loss, words: w, step } = result.value;
    sums[epoch - 1] += loss * w;
    words[epoch - 1] += w;
    if (step % stepsPerEpoch === 0) heldOutLosses.push(heldOutLoss(result.value.params, heldOut).meanLoss);
    result = trainer.next();
  }
  const params: Params = result.value;
  return {
    params,
    epochLosses: sums.map((s, i) => s / words[i]!),
    heldOutLosses,
    finalLoss: meanLoss(params, dataset.sequences),
    finalHeldOutLoss: heldOutLoss(params, heldOut).meanLoss,
  };
}
const three = trainHere(3);
const threeEpochSteps = { value: 3 * stepsPerEpoch, max: 3 * stepsPerEpoch };

function relative(a: number, b: number): number {
  return Math.abs(a - b) / Math.abs(b);
}

/** expect.poll with room for a slow, busy machine. */
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000 });

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const url = () => `${inject('siteRoot')}next-word/`;
const trainer = (page: Page) => page.locator('[data-demo="next-word-trainer"]');

/** Sets the epochs and presses Start. */
async function start(page: Page, epochs: number) {
  await trainer(page).getByRole('textbox', { name: /Epochs/ }).fill(String(epochs));
  await trainer(page).getByRole('button', { name: 'Start training' }).click();
}

async function finished(page: Page) {
  await page.waitForSelector('[data-demo="next-word-trainer"] [data-quantity="final-loss"]', { timeout: 100_000 });
}

async function progress(page: Page): Promise<{ value: number; max: number }> {
  return trainer(page)
    .locator('progress')
    .evaluate((p) => ({ value: (p as HTMLProgressElement).value, max: (p as HTMLProgressElement).max }));
}

async function shownProbabilities(page: Page) {
  return page
    .locator('[data-demo="next-word"] [data-quantity="probability"]')
    .evaluateAll((nodes) => nodes.map((n) => ({ word: (n as HTMLElement).dataset.word!, probability: Number((n as HTMLElement).dataset.value) })));
}

function expectPrediction(bars: { word: string; probability: number }[], params: Params, temperature = 1) {
  const expected = topK(predictNext(params, dict, ['i', 'like', 'french'], temperature), 10, dict);
  expect(bars.map((b) => b.word)).toEqual(expected.map((r) => r.word));
  bars.forEach((b, i) => expect(relative(b.probability, expected[i]!.probability)).toBeLessThanOrEqual(TOLERANCE));
}

/**
 * Asserts the hidden-state view shows hiddenStates(params, inputs), within TOLERANCE × max(1, |s|): the
 * browser's Math.tanh and Math.exp may differ from Node's in the last bit, so weights trained in the page
 * match those trained here to about 1e-15, not exactly.
 */
async function expectStates(page: Page, params: Params, inputs: number[]) {
  const expected = hiddenStates(params, inputs).flatMap((v) => Array.from(v));
  await poll(async () => {
    const shown = await quantities(page, 'hidden-state', 's');
    return shown.length === expected.length && shown.every((v, i) => Math.abs(v - expected[i]!) <= TOLERANCE * Math.max(1, Math.abs(expected[i]!)));
  }).toBe(true);
}

describe('the next-word trainer (data-demo="next-word-trainer")', () => {
  it('trains 3 epochs in a worker on the training part: progress to the end, falling losses, both curves as trainLM and heldOutLoss here', async () => {
    const { page, problems, close } = await openPage(browser, url());
    await waitForIslands(page);
    await poll(() => page.locator('[data-demo="next-word"] [data-weights]').getAttribute('data-weights')).toBe('shipped');
    await start(page, 3);
    // The training runs off the main thread (main-thread timings belong in bench/interaction.ts, not in a test).
    await poll(() => page.workers().length).toBeGreaterThan(0);
    await finished(page);

    const end = await progress(page);
    expect(end).toEqual(threeEpochSteps);
    expect(await trainer(page).textContent()).toContain('epoch 3 of 3');
    const epochLosses = await quantities(page, 'next-word-trainer', 'epoch-loss');
    expect(epochLosses).toHaveLength(3);
    expect(epochLosses[1]!).toBeLessThan(epochLosses[0]!);
    expect(epochLosses[2]!).toBeLessThan(epochLosses[1]!);
    epochLosses.forEach((loss, i) => expect(relative(loss, three.epochLosses[i]!)).toBeLessThanOrEqual(TOLERANCE));
    const [finalLoss] = await quantities(page, 'next-word-trainer', 'final-loss');
    expect(relative(finalLoss!, three.finalLoss)).toBeLessThanOrEqual(TOLERANCE);
    // the held-out curve: one point per epoch, each the core's held-out loss after that epoch
    const heldOutLosses = await quantities(page, 'next-word-trainer', 'held-out-loss');
    expect(heldOutLosses).toHaveLength(3);
    heldOutLosses.forEach((loss, i) => expect(relative(loss, three.heldOutLosses[i]!)).toBeLessThanOrEqual(TOLERANCE));
    // the table: both losses at the final weights
    const [trainLoss] = await quantities(page, 'next-word-trainer', 'trainLoss');
    const [heldOutFinal] = await quantities(page, 'next-word-trainer', 'heldOutLoss');
    expect(relative(trainLoss!, three.finalLoss)).toBeLessThanOrEqual(TOLERANCE);
    expect(relative(heldOutFinal!, three.finalHeldOutLoss)).toBeLessThanOrEqual(TOLERANCE);
    expect(await trainer(page).locator('table.trainer-losses').textContent()).toContain(`training part (${split.training.length} sentences)`);
    const [stepsPerSecond] = await quantities(page, 'next-word-trainer', 'steps-per-second');
    expect(stepsPerSecond).toBeGreaterThan(0);
    expect(await trainer(page).locator('.trainer-samples li').count()).toBe(3);

    expect(problems).toEqual([]);
    await close();
  });

  it('keeps the page responsive while it trains: the temperature slider still reshapes the bars', async () => {
    const { page, problems, close } = await openPage(browser, url());
    await waitForIslands(page);
    await poll(() => page.locator('[data-demo="next-word"] [data-weights]').getAttribute('data-weights')).toBe('shipped');
    await start(page, 10);
    await page.waitForFunction(() => Number(document.querySelector<HTMLProgressElement>('[data-demo="next-word-trainer"] progress')?.value) > 0);
    // Move the slider from inside the page and wait, frame by frame, for the bars to follow, noting whether
    // the worker was still training when they did.
    const seen = await page.evaluate(async () => {
      const slider = document.querySelector<HTMLInputElement>('[data-demo="next-word"] input[type="range"]')!;
      const first = () => document.querySelector<HTMLElement>('[data-demo="next-word"] [data-quantity="probability"]')!.dataset.value;
      const before = first();
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(slider, '0.5');
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      while (first() === before) await new Promise((resolve) => requestAnimationFrame(resolve));
      const bar = document.querySelector<HTMLProgressElement>('[data-demo="next-word-trainer"] progress')!;
      return { value: bar.value, max: bar.max };
    });
    expect(seen.value).toBeLessThan(seen.max);
    expectPrediction(await shownProbabilities(page), shippedParams, 0.5);
    await trainer(page).getByRole('button', { name: 'Reset' }).click();
    expect(problems).toEqual([]);
    await close();
  });

  it('switches the predictor and the hidden-state view to the trained weights on request, and back', async () => {
    const { page, problems, close } = await openPage(browser, url());
    await waitForIslands(page);
    await start(page, 3);
    await finished(page);
    await trainer(page).getByRole('button', { name: 'Use these weights in the predictor' }).click();
    await poll(() => page.locator('[data-demo="next-word"] [data-weights]').getAttribute('data-weights')).toBe('trained');
    expectPrediction(await shownProbabilities(page), three.params);
    const inputs = [dict.start, ...encode(dict, ['i', 'like', 'french']).indices];
    await expectStates(page, three.params, inputs);
    await page.getByRole('button', { name: 'Back to the shipped weights' }).click();
    await poll(() => page.locator('[data-demo="next-word"] [data-weights]').getAttribute('data-weights')).toBe('shipped');
    expectPrediction(await shownProbabilities(page), shippedParams);
    await expectStates(page, shippedParams, inputs);
    expect(problems).toEqual([]);
    await close();
  });

  it('pauses (the step count stops), resumes to the same result, and resets', async () => {
    const { page, problems, close } = await openPage(browser, url());
    await waitForIslands(page);
    await start(page, 3);
    // Pause at once, so that even a fast machine cannot finish the 3 epochs first.
    await trainer(page).getByRole('button', { name: 'Pause' }).click();
    const resume = trainer(page).getByRole('button', { name: 'Resume' });
    const done = page.locator('[data-demo="next-word-trainer"] [data-quantity="final-loss"]');
    // On a busy machine the worker can finish all its steps before the pause reaches it: then the run stays finished.
    await resume.or(done).first().waitFor();
    if (await resume.isVisible()) {
      const paused = await progress(page);
      await page.waitForTimeout(1000);
      expect(await progress(page)).toEqual(paused);
      if (paused.value < paused.max) expect(await trainer(page).textContent()).toContain('paused');
      await resume.click();
    }
    await finished(page);
    expect(await progress(page)).toEqual(threeEpochSteps);
    const [finalLoss] = await quantities(page, 'next-word-trainer', 'final-loss');
    expect(relative(finalLoss!, three.finalLoss)).toBeLessThanOrEqual(TOLERANCE);

    await trainer(page).getByRole('button', { name: 'Reset' }).click();
    expect((await progress(page)).value).toBe(0);
    expect(await quantities(page, 'next-word-trainer', 'epoch-loss')).toEqual([]);
    await poll(() => trainer(page).getByRole('button', { name: 'Start training' }).isEnabled()).toBe(true);
    expect(problems).toEqual([]);
    await close();
  });

  it('refuses an epochs value that is not a whole number from 1 to 1000', async () => {
    const { page, problems, close } = await openPage(browser, url());
    await waitForIslands(page);
    const field = trainer(page).getByRole('textbox', { name: /Epochs/ });
    for (const bad of ['0', '1001', '2.5']) {
      await field.fill(bad);
      await poll(() => trainer(page).locator('.message.error').textContent()).toContain('whole number from 1 to 1000');
      expect(await trainer(page).getByRole('button', { name: 'Start training' }).isDisabled()).toBe(true);
    }
    await field.fill('3');
    await poll(() => trainer(page).getByRole('button', { name: 'Start training' }).isEnabled()).toBe(true);
    expect(problems).toEqual([]);
    await close();
  });
});
