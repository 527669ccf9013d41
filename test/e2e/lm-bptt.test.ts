import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { deserializeParams, encode, lmBpttTrace, type LmBpttStep } from '~/core/lm/index.ts';
import { launchBrowser, lookAt, openPage, waitForIslands } from '../support/browser.ts';

// The BPTT stepper of the chapter on backpropagation through a layer (data-demo="lm-bptt") against the core's lmBpttTrace, run here on the same
// weights file the page fetches.

/** Relative tolerance between a shown full-precision value and the core's. */
const TOLERANCE = 1e-12;
const { params, dict } = deserializeParams(JSON.parse(readFileSync('public/data/lm-weights.json', 'utf8')));
const { H, V } = params;

/** The core's trace for a sentence of dictionary words. */
function traceOf(words: string[]) {
  return lmBpttTrace(params, [dict.start, ...encode(dict, words).indices, dict.end]);
}

const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000 });
const close = (actual: number, expected: number) => Math.abs(actual - expected) <= TOLERANCE * Math.max(Math.abs(expected), 1e-300);

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const url = (query = '') => `${inject('siteRoot')}backpropagation-through-a-layer/${query}`;
const cell = (page: Page) => page.locator('[data-demo="lm-bptt"]');

/** Every value the cell shows for `quantity`, with its word and index attributes. */
async function shown(page: Page, quantity: string): Promise<{ word?: string; index?: number; step: number; value: number }[]> {
  return cell(page)
    .locator(`[data-quantity="${quantity}"]`)
    .evaluateAll((nodes) =>
      nodes.map((node) => {
        const d = (node as HTMLElement).dataset;
        return { word: d.word, index: d.index === undefined ? undefined : Number(d.index), step: Number(d.step), value: Number(d.value) };
      }),
    );
}

/** Opens every table of the cell (they are made when opened). */
async function openTables(page: Page) {
  const summaries = cell(page).locator('details.lm-bptt-numbers:not([open]) > summary');
  while ((await summaries.count()) > 0) await summaries.first().click();
}

/** Waits until the cell computes with the fetched weights (its controls are enabled). */
async function ready(page: Page) {
  await waitForIslands(page);
  await lookAt(page, 'lm-bptt');
  await poll(() => cell(page).getByRole('slider', { name: 'Backward step' }).isEnabled()).toBe(true);
}

/** Asserts every number the cell shows at step k is the core's, within TOLERANCE. */
async function expectStep(page: Page, step: LmBpttStep) {
  const { k } = step;
  await poll(async () => Number(await cell(page).locator('[data-quantity="step"]').getAttribute('data-value'))).toBe(k);
  const e = await shown(page, 'outputError');
  expect(e.length).toBeGreaterThan(1);
  for (const c of e) {
    expect(c.step).toBe(k);
    expect(close(c.value, step.outputError[dict.index.get(c.word!)!]!), `e_${k}[${c.word}]`).toBe(true);
  }
  for (const [quantity, values] of [['delta', step.delta], ['derivative', step.derivative], ['deltaA', step.deltaA], ['gradBSum', step.sums.b]] as const) {
    const cells = await shown(page, quantity);
    expect(cells).toHaveLength(H);
    cells.forEach((c, i) => expect(close(c.value, values[i]!), `${quantity}[${i}] at k = ${k}`).toBe(true));
  }
  const rec = await shown(page, 'gradWrecSum');
  expect(rec).toHaveLength(H * H);
  rec.forEach((c, i) => expect(close(c.value, step.sums.wRec[i]!), `∂E/∂W_rec[${i}] at k = ${k}`).toBe(true));
  for (const c of await shown(page, 'gradWxSum')) {
    expect(close(c.value, step.sums.wX[c.index! * V + dict.index.get(c.word!)!]!), `∂E/∂W_x at k = ${k}`).toBe(true);
  }
  for (const c of await shown(page, 'gradWySum')) {
    const v = dict.index.get(c.word!)!;
    const expected = c.index === H ? step.sums.bY[v]! : step.sums.wY[v * H + c.index!]!;
    expect(close(c.value, expected), `∂E/∂W_y[${c.word}] at k = ${k}`).toBe(true);
  }
}

describe('the language model\'s BPTT stepper (data-demo="lm-bptt")', () => {
  it('opens on a linked sentence and steps with the buttons from k = n down to 1, every number the core\'s', async () => {
    const words = ['we', 'love', 'the', 'sea'];
    const { page, problems, close: done } = await openPage(browser, url('?sentence=we+love+the+sea'));
    await ready(page);
    await openTables(page);
    const trace = traceOf(words);
    expect(trace.n).toBe(5);
    await expectStep(page, trace.steps[0]!);
    for (const step of trace.steps.slice(1)) {
      await cell(page).getByRole('button', { name: /Next \(k − 1\)/ }).click();
      await expectStep(page, step);
    }
    // the step is in the link
    await poll(() => page.url()).toContain('lmStep=1');
    expect(page.url()).toContain('sentence=we+love+the+sea');
    expect(problems).toEqual([]);
    await done();
  });

  it('reads a typed sentence, shared with the predictor, and steps from the keyboard and the slider', async () => {
    const words = ['he', 'likes', 'italian', 'wine'];
    const { page, problems, close: done } = await openPage(browser, url());
    await ready(page);
    await cell(page).getByRole('textbox', { name: 'Sentence' }).fill('He likes Italian wine');
    await poll(() => page.url()).toContain('sentence=he+likes+italian+wine');
    // the page's other cells follow the shared sentence
    await lookAt(page, 'lm-gradient-check');
    await poll(() => page.locator('[data-demo="lm-gradient-check"]').getByRole('textbox', { name: 'Sentence' }).inputValue()).toBe('he likes italian wine');
    await lookAt(page, 'lm-bptt');
    await openTables(page);
    const trace = traceOf(words);
    await expectStep(page, trace.steps[0]!);
    const next = cell(page).getByRole('button', { name: /Next \(k − 1\)/ });
    await next.focus();
    await page.keyboard.press('ArrowRight');
    await expectStep(page, trace.steps[1]!);
    await page.keyboard.press('End');
    await expectStep(page, trace.steps[trace.n - 1]!);
    await page.keyboard.press('Home');
    await expectStep(page, trace.steps[0]!);
    // the slider runs left to right from k = n to k = 1
    await cell(page).getByRole('slider', { name: 'Backward step' }).fill('3');
    await expectStep(page, trace.steps[2]!);
    expect(problems).toEqual([]);
    await done();
  });

  it('refuses a typed unknown word and a linked one with a message, keeping the last good sentence', async () => {
    const { page, problems, close: done } = await openPage(browser, url('?sentence=i+like+croissants&lmStep=2'));
    await ready(page);
    const message = cell(page).locator('.message.error');
    await poll(() => message.textContent()).toContain('“croissants” is not in the dictionary');
    expect(await message.textContent()).toContain('Still showing the last sentence read: “i like french”');
    await openTables(page);
    await expectStep(page, traceOf(['i', 'like', 'french']).steps[4 - 2]!);

    await cell(page).getByRole('textbox', { name: 'Sentence' }).fill('we love rome');
    await poll(() => message.count()).toBe(0);
    const field = cell(page).getByRole('textbox', { name: 'Sentence' });
    await field.fill('we love <b>rome</b>');
    await poll(() => message.textContent()).toContain('not in the dictionary');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    // nothing typed is rendered as HTML
    expect(await cell(page).locator('b').count()).toBe(0);
    expect(await message.textContent()).toContain('Still showing the last sentence read: “we love rome”');
    expect(problems).toEqual([]);
    await done();
  });

  it('a mangled sentence in the link gives a notice and the default, never HTML', async () => {
    const { page, problems, close: done } = await openPage(browser, url('?sentence=%3Cimg+src%3Dx+onerror%3Dalert(1)%3E'));
    await waitForIslands(page);
    const notices = page.locator('.notebook-bar .notice');
    await poll(() => notices.allTextContents()).toEqual([expect.stringContaining('The link\'s "sentence" was ignored')]);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    await ready(page);
    await poll(() => cell(page).getByRole('textbox', { name: 'Sentence' }).inputValue()).toBe('i like french');
    expect(problems).toEqual([]);
    await done();
  });

  it('shows, without JavaScript, step k = n over "i like french" with the build\'s output error', async () => {
    const { page, problems, close: done } = await openPage(browser, url(), { javaScriptEnabled: false });
    const step = traceOf(['i', 'like', 'french']).steps[0]!;
    expect(await cell(page).locator('[data-quantity="step"]').getAttribute('data-value')).toBe('4');
    const e = await shown(page, 'outputError');
    expect(e[0]!.word).toBe('</s>');
    for (const c of e) expect(close(c.value, step.outputError[dict.index.get(c.word!)!]!)).toBe(true);
    expect(await cell(page).locator('.heat-grid-chart').count()).toBeGreaterThanOrEqual(6);
    expect(problems).toEqual([]);
    await done();
  });
});
