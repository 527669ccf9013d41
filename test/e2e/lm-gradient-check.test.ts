import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { centralDifference, relativeError } from '~/core';
import { cloneParams, deserializeParams, encodeSentence, lmForward, lmGradients, LM_CHECK_FLOOR, type LmMatrix } from '~/core/lm/index.ts';
import { lmCheckSeed } from '~/notebook/params/lmCheck.ts';
import { sentence as sentenceParam } from '~/notebook/params/nextWord.ts';
import { checkTableRows, launchBrowser, lookAt, openPage, quantities, waitForIslands } from '../support/browser.ts';
import { DIST_DIR } from './global-setup.ts';

const PAGE = 'backpropagation-through-a-layer/';
const DEMO = 'lm-gradient-check';
/** How long a poll waits for the page to catch up (hydration, the weights' fetch and the URL write can be slow on a busy machine). */
const POLL = { timeout: 20_000 };

/** The weights the built site serves, read here as the page reads them. */
const { params, dict } = deserializeParams(JSON.parse(readFileSync(`${DIST_DIR}/data/lm-weights.json`, 'utf8')));

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** One row of the cell's table: its array, flat index and the number shown. */
interface ShownRow {
  matrix: LmMatrix;
  index: number;
  value: number;
}

/** The rows a quantity (`bptt`, `numeric`, `rowRelativeError`) shows, with their array and index. */
async function shownRows(page: Page, quantity: string): Promise<ShownRow[]> {
  return (await checkTableRows(page, DEMO, quantity, 'matrix')).map(({ name, index, value }) => ({ matrix: name as LmMatrix, index, value }));
}

/** The sentence the cell last checked (its `checkedSentence` hook). */
async function checkedSentence(page: Page): Promise<string | null> {
  await lookAt(page, DEMO);
  return page.locator(`[data-demo="${DEMO}"] [data-quantity="checkedSentence"]`).getAttribute('data-value');
}

/** The model tokens of a sentence of dictionary words. */
function tokensOf(text: string): number[] {
  const { indices, unknown } = encodeSentence(dict, text);
  expect(unknown).toEqual([]);
  return indices;
}

/**
 * The check recomputed here from the core's parts, not through lmGradientCheck: lmGradients' derivative and
 * centralDifference of the summed loss E, on a copy of the served weights.
 */
function expected(text: string) {
  const tokens = tokensOf(text);
  const work = cloneParams(params);
  const { grads } = lmGradients(work, tokens);
  const loss = () => lmForward(work, tokens).loss;
  return (matrix: LmMatrix, index: number) => {
    const bptt = grads[matrix][index];
    const numeric = centralDifference(loss, work[matrix], index);
    return { bptt, numeric, relativeError: relativeError(bptt, numeric, LM_CHECK_FLOOR) };
  };
}

/** Checks every row and the verdict the cell shows against the core run here; returns the rows' keys. */
async function expectCellMatchesCore(page: Page, text: string): Promise<string[]> {
  await expect.poll(() => checkedSentence(page), POLL).toBe(text);
  const at = expected(text);
  const bptt = await shownRows(page, 'bptt');
  const numeric = await shownRows(page, 'numeric');
  const rowErrors = await shownRows(page, 'rowRelativeError');
  // every weight array is sampled, and the three columns are about the same entries
  expect(new Set(bptt.map((row) => row.matrix))).toEqual(new Set(['wRec', 'wX', 'b', 'wY', 'bY']));
  expect(numeric.map(({ matrix, index }) => [matrix, index])).toEqual(bptt.map(({ matrix, index }) => [matrix, index]));
  expect(rowErrors.map(({ matrix, index }) => [matrix, index])).toEqual(bptt.map(({ matrix, index }) => [matrix, index]));
  // The browser's Math.exp and Math.tanh may differ from Node's in the last bit: BPTT is compared to 1e-12 relative.
  // A central difference divides a difference of E by h = 1e-3, so its rounding is about ε·E/h; with the floor 1e-4,
  // two runs may differ by ten times that over 1e-4 (about 4e-7 for E = 20 nats).
  const tolerance = Math.max(1e-8, (10 * Number.EPSILON * lmForward(params, tokensOf(text)).loss) / 1e-3 / LM_CHECK_FLOOR);
  let worst = 0;
  bptt.forEach((row, j) => {
    const want = at(row.matrix, row.index);
    const name = `${row.matrix}[${row.index}]`;
    expect(relativeError(row.value, want.bptt, 1e-300), `${name} BPTT`).toBeLessThanOrEqual(1e-12);
    expect(relativeError(numeric[j].value, want.numeric, LM_CHECK_FLOOR), `${name} central difference`).toBeLessThanOrEqual(tolerance);
    expect(rowErrors[j].value, `${name} relative error`).toBe(relativeError(row.value, numeric[j].value, LM_CHECK_FLOOR));
    worst = Math.max(worst, rowErrors[j].value);
  });
  const shown = await quantities(page, DEMO, 'relativeError');
  expect(shown).toHaveLength(1);
  expect(shown[0]).toBe(worst);
  expect(shown[0]).toBeLessThanOrEqual(1e-6);
  const textContent = await page.locator(`[data-demo="${DEMO}"]`).textContent();
  expect(textContent).toContain('below 10⁻⁶');
  expect(textContent).not.toContain('NaN');
  return bptt.map((row) => `${row.matrix}[${row.index}]`);
}

/** The page's URL with the shared sentence (and optionally the sample seed) set. */
function urlFor(text: string, seed?: number): string {
  const query = new URLSearchParams({ sentence: text });
  if (seed !== undefined) query.set('lmCheckSeed', String(seed));
  return `${inject('siteRoot')}${PAGE}?${query}`;
}

describe('the next-word gradient check (data-demo="lm-gradient-check")', () => {
  it('server-renders the check of the default sentence: one relativeError element, ≤ 1e-6, the worst of its rows', () => {
    const html = readFileSync(`${DIST_DIR}/${PAGE}index.html`, 'utf8');
    const cell = html.slice(html.indexOf(`data-demo="${DEMO}"`));
    const values = [...html.matchAll(/data-quantity="relativeError"[^>]*data-value="([^"]+)"/g)].map((m) => Number(m[1]));
    expect(values).toHaveLength(1);
    expect(values[0]).toBeLessThanOrEqual(1e-6);
    const rows = [...cell.matchAll(/data-quantity="rowRelativeError" data-matrix="(\w+)" data-index="(\d+)"/g)];
    expect(rows.length).toBeGreaterThanOrEqual(5);
    const at = expected(sentenceParam.initial.join(' '));
    expect(values[0]).toBe(Math.max(...rows.map((m) => at(m[1] as LmMatrix, Number(m[2])).relativeError)));
  });

  it.each([
    // the chapter's question
    ['i like french fries'],
    // a corpus sentence
    ['she likes french toast with butter'],
    // a long sentence of corpus words: 22 steps of BPTT
    ['on a cold winter morning my grandmother and my sister eat french toast with butter and honey at home in paris'],
  ])('read from the URL: "%s" agrees with the core row by row, worst ≤ 1e-6', async (text) => {
    const { page, problems, close } = await openPage(browser, urlFor(text));
    await waitForIslands(page);
    await expectCellMatchesCore(page, text);
    expect(problems).toEqual([]);
    await close();
  });

  it('draws another sample from the keyboard: the seed goes to the URL and the checked weights change', async () => {
    const text = 'she likes french toast with butter';
    const { page, problems, close } = await openPage(browser, urlFor(text));
    await waitForIslands(page);
    const first = await expectCellMatchesCore(page, text);
    const button = page.locator(`[data-demo="${DEMO}"]`).getByRole('button', { name: 'Draw another sample' });
    await button.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('lmCheckSeed'), POLL).toBe(String(lmCheckSeed.initial + 1));
    await expect.poll(async () => (await quantities(page, DEMO, 'sampleSeed'))[0], POLL).toBe(lmCheckSeed.initial + 1);
    const second = await expectCellMatchesCore(page, text);
    expect(second).not.toEqual(first);
    expect(problems).toEqual([]);
    await close();
  });

  it('a seed from the URL picks its own sample', async () => {
    const text = 'i like french fries';
    const { page, problems, close } = await openPage(browser, urlFor(text, 777));
    await waitForIslands(page);
    await expect.poll(async () => (await quantities(page, DEMO, 'sampleSeed'))[0], POLL).toBe(777);
    const seeded = await expectCellMatchesCore(page, text);
    const other = await openPage(browser, urlFor(text));
    await waitForIslands(other.page);
    expect(await expectCellMatchesCore(other.page, text)).not.toEqual(seeded);
    expect([...problems, ...other.problems]).toEqual([]);
    await Promise.all([close(), other.close()]);
  });

  it('refuses a word outside the dictionary beside the field and keeps the last good check', async () => {
    const text = 'i like french fries';
    const { page, problems, close } = await openPage(browser, urlFor(text));
    await waitForIslands(page);
    await expectCellMatchesCore(page, text);
    const field = page.locator(`[data-demo="${DEMO}"]`).getByRole('textbox', { name: 'Sentence' });
    await field.fill('i like zorblax fries');
    await expect.poll(() => field.getAttribute('aria-invalid'), POLL).toBe('true');
    const message = page.locator(`[id="${await field.getAttribute('aria-describedby')}"]`);
    await expect.poll(() => message.textContent(), POLL).toContain('“zorblax” is not in the dictionary');
    // nothing typed becomes markup, and the shared sentence (and so the check) stays
    expect(await message.locator('*').count()).toBe(0);
    expect(new URL(page.url()).searchParams.get('sentence')).toBe(text);
    await expectCellMatchesCore(page, text);
    expect(problems).toEqual([]);
    await close();
  });

  it('reads without JavaScript: the build’s table and verdict are there', async () => {
    const { page, problems, close } = await openPage(browser, `${inject('siteRoot')}${PAGE}`, { javaScriptEnabled: false });
    const demo = page.locator(`[data-demo="${DEMO}"]`);
    expect(await demo.locator('[data-quantity="relativeError"]').count()).toBe(1);
    expect(await demo.locator('tbody tr').count()).toBeGreaterThanOrEqual(5);
    expect(await demo.textContent()).toContain('below 10⁻⁶');
    expect(await demo.locator('[data-quantity="checkedSentence"]').getAttribute('data-value')).toBe(sentenceParam.initial.join(' '));
    expect(problems).toEqual([]);
    await close();
  });
});
