import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { deserializeParams, predictNext, topK } from '~/core/lm/index.ts';
import { launchBrowser, lookAt, openPage, waitForIslands } from '../support/browser.ts';

const { params: shippedParams, dict } = deserializeParams(JSON.parse(readFileSync('public/data/lm-weights.json', 'utf8')));

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
const progressLine = (page: Page) => trainer(page).locator('.trainer-numbers');
/** Which weights the predictor says it uses: 'build', 'shipped' or 'trained'. */
const predictorWeights = (page: Page) => page.locator('[data-demo="next-word"] [data-weights]').getAttribute('data-weights');

/** The controls of the trainer that only work with JavaScript. */
const controls = (page: Page) => [
  trainer(page).getByLabel(/Epochs/),
  trainer(page).getByRole('button', { name: 'Start training' }),
  trainer(page).getByRole('button', { name: 'Reset' }),
  trainer(page).getByRole('button', { name: 'Use these weights in the predictor' }),
];

/** The words of the predictor's bars, and the shipped weights' top 10 after "I like French". */
async function expectShippedPrediction(page: Page) {
  const shown = await page.locator('[data-demo="next-word"] [data-quantity="probability"]').evaluateAll((nodes) => nodes.map((n) => (n as HTMLElement).dataset.word));
  expect(shown).toEqual(topK(predictNext(shippedParams, dict, ['i', 'like', 'french']), 10, dict).map((r) => r.word));
}

describe('the next-word trainer tells one story in its controls, progress line and the predictor', () => {
  it('without JavaScript: its controls are disabled and say why; with it they are enabled', async () => {
    const { page, problems, close } = await openPage(browser, url(), { javaScriptEnabled: false });
    const [epochsField, ...buttons] = controls(page);
    for (const button of buttons) expect(await button.isDisabled()).toBe(true);
    // The epochs field is not offered as a field before the cell is live: its box shows the default, dimmed.
    expect(await epochsField!.count()).toBe(0);
    const epochsBox = trainer(page).locator('.trainer-controls .text-input-static');
    expect((await epochsBox.textContent())?.trim()).toMatch(/^\d+$/);
    expect(Number(await epochsBox.evaluate((node) => getComputedStyle(node).opacity))).toBeLessThan(1);
    expect(await trainer(page).textContent()).toContain('needs JavaScript');
    expect(problems).toEqual([]);
    await close();

    const live = await openPage(browser, url());
    await waitForIslands(live.page);
    const [epochs, start, reset, use] = controls(live.page);
    await poll(() => start!.isEnabled()).toBe(true);
    expect(await epochs!.isEnabled()).toBe(true);
    // Nothing to reset or use before a run.
    expect(await reset!.isDisabled()).toBe(true);
    expect(await use!.isDisabled()).toBe(true);
    expect(await trainer(live.page).textContent()).not.toContain('needs JavaScript');
    expect(live.problems).toEqual([]);
    await live.close();
  });

  it('says in its progress line that training failed to start when the worker cannot load', async () => {
    const { page, problems, close } = await openPage(browser, url(), {
      watch: (page) => void page.route('**/*lm-trainer.worker*', (route) => route.abort()),
    });
    await waitForIslands(page);
    await lookAt(page, 'next-word-trainer');
    await trainer(page).getByLabel(/Epochs/).fill('1');
    await trainer(page).getByRole('button', { name: 'Start training' }).click();
    await poll(() => trainer(page).getByRole('alert').textContent()).toContain('Training stopped');
    await poll(() => progressLine(page).textContent()).toContain('failed to start');
    expect(await progressLine(page).textContent()).not.toContain('Starting');
    // The reader can try again, or reset.
    expect(await trainer(page).getByRole('button', { name: 'Start training' }).isEnabled()).toBe(true);
    await trainer(page).getByRole('button', { name: 'Reset' }).click();
    await poll(() => progressLine(page).textContent()).toContain('Not started');
    expect(await trainer(page).getByRole('alert').count()).toBe(0);
    // The only problem is the refused worker script.
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.filter((problem) => !/lm-trainer\.worker/.test(problem))).toEqual([]);
    await close();
  });

  it.each([
    ['Reset', 'Not started'],
    ['Train again', 'Starting'],
  ])('returns the predictor to the shipped weights when %s discards the run it took its weights from', async (button, line) => {
    const { page, problems, close } = await openPage(browser, url());
    await waitForIslands(page);
    await poll(() => predictorWeights(page)).toBe('shipped');
    await trainer(page).getByLabel(/Epochs/).fill('1');
    await trainer(page).getByRole('button', { name: 'Start training' }).click();
    await page.waitForSelector('[data-demo="next-word-trainer"] [data-quantity="final-loss"]', { timeout: 100_000 });
    await trainer(page).getByRole('button', { name: 'Use these weights in the predictor' }).click();
    await poll(() => predictorWeights(page)).toBe('trained');
    expect(await trainer(page).locator('.trainer-use-note').textContent()).toContain('The predictor above uses the weights after epoch 1');

    await trainer(page).getByRole('button', { name: button }).click();
    await poll(() => predictorWeights(page)).toBe('shipped');
    expect(await progressLine(page).textContent()).toMatch(line === 'Not started' ? /Not started/ : /Starting|epoch/);
    expect(await page.locator('[data-demo="next-word"] .next-word-status').textContent()).toContain('Using the shipped weights');
    expect(await trainer(page).locator('.trainer-use-note').textContent()).not.toContain('The predictor above uses');
    await expectShippedPrediction(page);
    if (button === 'Train again') await trainer(page).getByRole('button', { name: 'Reset' }).click();
    expect(problems).toEqual([]);
    await close();
  });
});
