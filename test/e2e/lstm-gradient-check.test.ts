import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  ADDING_SEED_OFFSETS,
  LSTM_CHECK_FLOOR,
  addingProblem,
  centralDifference,
  lstmRegressionBackward,
  lstmRegressionForward,
  lstmRegressionInit,
  relativeError,
  type LstmBlock,
} from '~/core';
import { checkH, checkSeed, checkT } from '~/notebook/params/lstmCheck.ts';
import { checkTableRows, launchBrowser, openPage, quantities, waitForIslands } from '../support/browser.ts';
import { DIST_DIR } from './global-setup.ts';

const PAGE = 'long-short-term-memory/';
const DEMO = 'lstm-gradient-check';
/** How long a poll waits for the page to catch up (hydration and the coalesced URL write can be slow on a busy machine). */
const POLL = { timeout: 15_000 };

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** One row of the cell's table as the page shows it. */
interface ShownRow {
  block: LstmBlock;
  index: number;
  value: number;
}

/** The rows a quantity (`bptt`, `numeric`, `rowRelativeError`) shows, with their block and index. */
async function shownRows(page: Page, quantity: string): Promise<ShownRow[]> {
  return (await checkTableRows(page, DEMO, quantity, 'block')).map(({ name, index, value }) => ({ block: name as LstmBlock, index, value }));
}

/**
 * The check recomputed here from the core's parts, not through lstmGradientCheck: the race's initial LSTM, the
 * adding-problem sequence, lstmRegressionBackward's gradient and centralDifference of E = ½(y − t)².
 */
function expected(T: number, H: number, seed: number) {
  const model = lstmRegressionInit({ H, seed });
  const batch = addingProblem({ T, B: 1, seed: seed + ADDING_SEED_OFFSETS.data });
  const x = batch.x[0];
  const t = batch.t[0];
  const trace = lstmRegressionForward(model, x);
  const { grads } = lstmRegressionBackward(model, trace, trace.y - t);
  const loss = () => 0.5 * (lstmRegressionForward(model, x).y - t) ** 2;
  const at = (block: LstmBlock, index: number) => {
    const bptt = grads[block][index];
    const numeric = centralDifference(loss, model[block], index);
    return { bptt, numeric, relativeError: relativeError(bptt, numeric, LSTM_CHECK_FLOOR) };
  };
  return { model, x, t, y: trace.y, at };
}

/** Checks every row, the sequence and the verdict the cell shows against the core run in the test. */
async function expectCellMatchesCore(page: Page, T: number, H: number, seed: number) {
  const core = expected(T, H, seed);
  await expect.poll(async () => (await quantities(page, DEMO, 'u')).length, POLL).toBe(T);
  expect(await quantities(page, DEMO, 'u')).toEqual(core.x.map((xk) => xk[0]));
  expect(await quantities(page, DEMO, 'm')).toEqual(core.x.map((xk) => xk[1]));
  expect(await quantities(page, DEMO, 'target')).toEqual([core.t]);
  expect(await quantities(page, DEMO, 'prediction')).toEqual([core.y]);
  const bptt = await shownRows(page, 'bptt');
  const numeric = await shownRows(page, 'numeric');
  const rowErrors = await shownRows(page, 'rowRelativeError');
  // every block of the model, one or two entries each, the three columns about the same entries
  const blocks = ['wF', 'wI', 'wO', 'wC', 'bF', 'bI', 'bO', 'bC', 'wOut', 'bOut'];
  expect([...new Set(bptt.map((row) => row.block))]).toEqual(blocks);
  expect(numeric.map(({ block, index }) => [block, index])).toEqual(bptt.map(({ block, index }) => [block, index]));
  expect(rowErrors.map(({ block, index }) => [block, index])).toEqual(bptt.map(({ block, index }) => [block, index]));
  // The browser's Math.exp and Math.tanh may differ from Node's in the last bit, so the page's numbers are compared
  // with the core's run here to a stated tolerance: BPTT to 1e-12 relative, central differences (which divide
  // differences of E by h = 1e-3 and so magnify those bits) to 1e-8 with the check's floor 1e-4.
  let worst = 0;
  let coreWorst = 0;
  bptt.forEach((row, j) => {
    const want = core.at(row.block, row.index);
    const name = `${row.block}[${row.index}]`;
    expect(relativeError(row.value, want.bptt, 1e-300), `${name} BPTT`).toBeLessThanOrEqual(1e-12);
    expect(relativeError(numeric[j].value, want.numeric, LSTM_CHECK_FLOOR), `${name} central difference`).toBeLessThanOrEqual(1e-8);
    // the row's relative error is exactly (lstm-check-error) of the two numbers it shows
    expect(rowErrors[j].value, `${name} relative error`).toBe(relativeError(row.value, numeric[j].value, LSTM_CHECK_FLOOR));
    expect(Math.abs(rowErrors[j].value - want.relativeError), `${name} relative error`).toBeLessThanOrEqual(1e-8);
    worst = Math.max(worst, rowErrors[j].value);
    coreWorst = Math.max(coreWorst, want.relativeError);
  });
  const shown = await quantities(page, DEMO, 'relativeError');
  expect(shown).toHaveLength(1);
  expect(shown[0]).toBe(worst);
  expect(Math.abs(shown[0] - coreWorst)).toBeLessThanOrEqual(1e-8);
  expect(shown[0]).toBeLessThanOrEqual(1e-6);
  expect(coreWorst).toBeLessThanOrEqual(1e-6);
  expect(await page.locator(`[data-demo="${DEMO}"]`).textContent()).toContain('below 10⁻⁶');
  expect(await page.locator(`[data-demo="${DEMO}"]`).textContent()).not.toContain('NaN');
  return { rows: bptt.length };
}

describe('the LSTM gradient check (data-demo="lstm-gradient-check")', () => {
  it('server-renders a complete check: one relativeError element, ≤ 1e-6, the core’s worst over the sample', () => {
    const html = readFileSync(`${DIST_DIR}/${PAGE}index.html`, 'utf8');
    const values = [...html.matchAll(/data-quantity="relativeError"[^>]*data-value="([^"]+)"/g)].map((m) => Number(m[1]));
    expect(values).toHaveLength(1);
    expect(values[0]).toBeLessThanOrEqual(1e-6);
    const rows = [...html.matchAll(/data-quantity="rowRelativeError" data-block="(\w+)" data-index="(\d+)"/g)];
    const core = expected(checkT.initial, checkH.initial, checkSeed.initial);
    expect(values[0]).toBe(Math.max(...rows.map((m) => core.at(m[1] as LstmBlock, Number(m[2])).relativeError)));
  });

  it('at the page’s defaults agrees with the core’s BPTT and central differences, row by row', async () => {
    const { page, problems, close } = await openPage(browser, `${inject('siteRoot')}${PAGE}`);
    await waitForIslands(page);
    const { rows } = await expectCellMatchesCore(page, checkT.initial, checkH.initial, checkSeed.initial);
    // two entries of each of the nine blocks with more than one, and b_out's only one
    expect(rows).toBe(19);
    expect(problems).toEqual([]);
    await close();
  });

  it('follows its T and H sliders from the keyboard and writes them to the URL', async () => {
    const { page, problems, close } = await openPage(browser, `${inject('siteRoot')}${PAGE}`);
    await waitForIslands(page);
    const demo = page.locator(`[data-demo="${DEMO}"]`);
    const tSlider = demo.getByRole('slider', { name: 'sequence length T' });
    await tSlider.focus();
    await page.keyboard.press('End');
    await expect.poll(() => tSlider.inputValue(), POLL).toBe(String(checkT.range!.max));
    const hSlider = demo.getByRole('slider', { name: 'cell units H' });
    await hSlider.focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => hSlider.inputValue(), POLL).toBe(String(checkH.initial - 1));
    await expect.poll(() => new URL(page.url()).searchParams.get('checkH'), POLL).toBe(String(checkH.initial - 1));
    expect(new URL(page.url()).searchParams.get('checkT')).toBe(String(checkT.range!.max));
    await expectCellMatchesCore(page, checkT.range!.max, checkH.initial - 1, checkSeed.initial);
    expect(problems).toEqual([]);
    await close();
  });

  it('takes a new seed typed into its field, and keeps the last good one after a bad entry', async () => {
    const { page, problems, close } = await openPage(browser, `${inject('siteRoot')}${PAGE}`);
    await waitForIslands(page);
    const field = page.locator(`[data-demo="${DEMO}"]`).getByRole('textbox', { name: /Seed/ });
    await field.focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('42');
    await expect.poll(() => new URL(page.url()).searchParams.get('checkSeed'), POLL).toBe('42');
    await expectCellMatchesCore(page, checkT.initial, checkH.initial, 42);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('0');
    await expect.poll(() => field.getAttribute('aria-invalid'), POLL).toBe('true');
    await expectCellMatchesCore(page, checkT.initial, checkH.initial, 42);
    expect(problems).toEqual([]);
    await close();
  });

  it.each([
    // the smallest case: two steps, one unit (every bias block has a single entry)
    [2, 1, 5],
    // the largest: eight steps, four units
    [8, 4, 123456],
    // a middle size with another seed
    [3, 3, 999],
  ])('read from the URL: T = %i, H = %i, seed %i agrees with the core to 1e-6', async (T, H, seed) => {
    const { page, problems, close } = await openPage(browser, `${inject('siteRoot')}${PAGE}?checkT=${T}&checkH=${H}&checkSeed=${seed}`);
    await waitForIslands(page);
    await expectCellMatchesCore(page, T, H, seed);
    expect(problems).toEqual([]);
    await close();
  });
});
