import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { addingProblem, addingRace, addingTrainer, ADDING_RACE_DEFAULTS, ADDING_SEED_OFFSETS, constantPredictorMse, stateGradientNorms } from '~/core';
import { launchBrowser, lookAt, openPage, quantities, waitForIslands } from '../support/browser.ts';

/**
 * Relative tolerance between what the page's worker computed and what the core computes here with the same
 * settings: the browser's Math.tanh and Math.exp may differ from Node's in the last bit (in practice they agree).
 */
const TOLERANCE = 1e-12;
/** The shortened race: T = 5, the default seed, 100 updates. */
const SHORT = { T: 5, seed: ADDING_RACE_DEFAULTS.seed, updates: 100 };

const relative = (a: number, b: number) => (a === b ? 0 : Math.abs(a - b) / Math.abs(b));

/** The core's own numbers for the shortened race: the race, the baseline and both trained models' gradient norms. */
function coreRace() {
  const race = addingRace(SHORT);
  const testSet = addingProblem({ T: SHORT.T, B: ADDING_RACE_DEFAULTS.testSize, seed: SHORT.seed + ADDING_SEED_OFFSETS.test });
  const trained = (model: 'rnn' | 'lstm') => {
    const trainer = addingTrainer({ model, T: SHORT.T, seed: SHORT.seed });
    trainer.step(SHORT.updates);
    return Array.from(stateGradientNorms(trainer.model, testSet.x[0], testSet.t[0]));
  };
  return { race, baseline: constantPredictorMse(testSet), gradients: { rnn: trained('rnn'), lstm: trained('lstm') } };
}
const expected = coreRace();

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const url = (query = '') => `${inject('siteRoot')}long-short-term-memory/${query}`;
const cell = (page: Page) => page.locator('[data-demo="lstm-race"]');
const status = (page: Page) => cell(page).locator('.race-status').textContent();
const progress = (page: Page) => cell(page).locator('progress').evaluate((p) => ({ value: (p as HTMLProgressElement).value, max: (p as HTMLProgressElement).max }));

/** The number a cell shows for a quantity and model, from its full-precision `data-value`. */
async function modelValue(page: Page, quantity: string, model: 'rnn' | 'lstm'): Promise<number> {
  return Number(await cell(page).locator(`[data-quantity="${quantity}"][data-model="${model}"]`).getAttribute('data-value'));
}

async function open(query = '') {
  const watched = await openPage(browser, url(query));
  await waitForIslands(watched.page);
  await lookAt(watched.page, 'lstm-race');
  return watched;
}

describe('the adding-problem race (data-demo="lstm-race")', () => {
  it('nothing starts before the reader asks: no worker, "Not started.", the recorded race shown', async () => {
    const { page, problems, close } = await open();
    await page.waitForTimeout(1000);
    expect(page.workers()).toHaveLength(0);
    expect(await status(page)).toBe('Not started.');
    expect(await progress(page)).toEqual({ value: 0, max: ADDING_RACE_DEFAULTS.updates });
    expect(await cell(page).locator('[data-quantity="testLoss"]').count()).toBe(0);
    // the default settings are those of the recorded race in data/adding-race.json
    expect(await quantities(page, 'lstm-race', 'recordedTestLoss')).toHaveLength(2);
    expect(problems).toEqual([]);
    await close();
  });

  it('?lag=5&updates=100, started from the keyboard: "Finished after 100 updates", and every number is the core\'s (relative 1e-12)', async () => {
    const { page, problems, close } = await open('?lag=5&updates=100');
    await cell(page).getByRole('button', { name: 'Start the race' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => status(page), { timeout: 60_000 }).toBe('Finished after 100 updates');
    expect(await progress(page)).toEqual({ value: 100, max: 100 });

    for (const model of ['rnn', 'lstm'] as const) {
      const shown = await modelValue(page, 'testLoss', model);
      expect(relative(shown, expected.race[model].finalMse), `${model} final test MSE ${shown} vs ${expected.race[model].finalMse}`).toBeLessThanOrEqual(TOLERANCE);
      const curve = await cell(page).locator(`[data-quantity="testLossCurve"]`).nth(model === 'lstm' ? 0 : 1).getAttribute('data-values');
      const values = curve!.split(' ').map(Number);
      expect(values).toHaveLength(expected.race[model].curve.mse.length);
      values.forEach((v, i) => expect(relative(v, expected.race[model].curve.mse[i])).toBeLessThanOrEqual(TOLERANCE));
    }
    const [baseline] = await quantities(page, 'lstm-race', 'baseline');
    expect(relative(baseline!, expected.baseline)).toBeLessThanOrEqual(TOLERANCE);

    const cellNorms = await quantities(page, 'lstm-race', 'cellGradientNorm');
    const stateNorms = await quantities(page, 'lstm-race', 'stateGradientNorm');
    expect(cellNorms).toHaveLength(SHORT.T + 1);
    expect(stateNorms).toHaveLength(SHORT.T + 1);
    cellNorms.forEach((v, k) => expect(relative(v, expected.gradients.lstm[k]!)).toBeLessThanOrEqual(TOLERANCE));
    stateNorms.forEach((v, k) => expect(relative(v, expected.gradients.rnn[k]!)).toBeLessThanOrEqual(TOLERANCE));

    const speeds = await cell(page).locator('[data-quantity="updatesPerSecond"]').evaluateAll((nodes) => nodes.map((n) => Number((n as HTMLElement).dataset.value)));
    expect(speeds).toHaveLength(2);
    for (const speed of speeds) expect(speed).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await close();
  });

  it('Pause holds the race, Resume continues it, Reset ends it and its worker', async () => {
    const { page, problems, close } = await open('?lag=50&updates=5000');
    await cell(page).getByRole('button', { name: 'Start the race' }).click();
    await expect.poll(async () => (await progress(page)).value).toBeGreaterThan(0);
    expect(page.workers()).toHaveLength(1);

    await cell(page).getByRole('button', { name: 'Pause' }).click();
    await expect.poll(() => status(page)).toMatch(/^Paused after \d+ updates?\.$/);
    const held = (await progress(page)).value;
    await page.waitForTimeout(800);
    expect((await progress(page)).value).toBe(held);
    expect(await status(page)).toBe(`Paused after ${held} updates.`);

    await cell(page).getByRole('button', { name: 'Resume' }).click();
    await expect.poll(async () => (await progress(page)).value).toBeGreaterThan(held);
    expect(await status(page)).toMatch(/^Racing/);

    await cell(page).getByRole('button', { name: 'Reset' }).click();
    expect(await status(page)).toBe('Not started.');
    expect((await progress(page)).value).toBe(0);
    await expect.poll(() => page.workers().length).toBe(0);
    expect(await cell(page).getByRole('button', { name: 'Reset' }).isDisabled()).toBe(true);
    expect(problems).toEqual([]);
    await close();
  });

  it('with reduced motion the curves hold still while the race runs and are drawn when it pauses', async () => {
    const watched = await openPage(browser, url('?lag=20&updates=5000'), { reducedMotion: 'reduce' });
    const { page, problems, close } = watched;
    await waitForIslands(page);
    await lookAt(page, 'lstm-race');
    expect(await cell(page).textContent()).toContain('reduced motion');
    await cell(page).getByRole('button', { name: 'Start the race' }).click();
    await expect.poll(async () => (await progress(page)).value).toBeGreaterThanOrEqual(100);
    expect(await quantities(page, 'lstm-race', 'testLossCurve')).toEqual([]);
    await cell(page).getByRole('button', { name: 'Pause' }).click();
    await expect.poll(() => status(page)).toMatch(/^Paused/);
    const { value } = await progress(page);
    // both curves, one point per 50 updates from update 0
    await expect.poll(async () => (await quantities(page, 'lstm-race', 'testLossCurve')).length).toBe(2 * (value / 50 + 1));
    await cell(page).getByRole('button', { name: 'Reset' }).click();
    expect(problems).toEqual([]);
    await close();
  });

  it('the lag slider moves over the recorded lags from the keyboard and writes the URL', async () => {
    const { page, problems, close } = await open();
    const slider = cell(page).getByRole('slider', { name: 'time lag T' });
    await slider.focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => new URL(page.url()).searchParams.get('lag')).toBe('20');
    expect(await slider.getAttribute('aria-valuetext')).toBe('T = 20');
    await page.keyboard.press('End');
    await expect.poll(() => new URL(page.url()).searchParams.get('lag')).toBe('100');
    // no recorded race at T = 100 with these settings on the page: the table waits for a race
    expect(await cell(page).locator('[data-quantity="recordedTestLoss"]').count()).toBe(0);
    expect(page.workers()).toHaveLength(0);
    expect(problems).toEqual([]);
    await close();
  });
});
