import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { relativeError } from '~/core';
import { deserializeParams, encodeSentence, hiddenStates, spectralNorm } from '~/core/lm/index.ts';
import { sentence as sentenceParam } from '~/notebook/params/nextWord.ts';
import { VANISHING_PRESETS } from '@components/next-word/vanishingPresets.ts';
import { launchBrowser, lookAt, openPage, quantities, waitForIslands } from '../support/browser.ts';
import { DIST_DIR } from './global-setup.ts';

const PAGE = 'backpropagation-through-a-layer/';
const DEMO = 'lm-vanishing';
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

/**
 * ‖∂s_n/∂s_k‖₂ for k = 0 … n and mean_i (1 − s_k[i]²), computed here without stateJacobianNorms: the Jacobian as
 * the product of diag(1 − s_j²) W_rec written out in plain arrays, its norm by the core's spectralNorm.
 */
function expected(text: string) {
  const { indices, unknown } = encodeSentence(dict, text);
  expect(unknown).toEqual([]);
  const n = indices.length - 1;
  const { H, wRec } = params;
  const s = hiddenStates(params, indices.slice(0, n));
  const norm: number[] = new Array(n + 1);
  let J: number[] = Array.from({ length: H * H }, (_, i) => (i % (H + 1) === 0 ? 1 : 0));
  norm[n] = spectralNorm(J, H, H);
  for (let k = n - 1; k >= 0; k--) {
    // ∂s_n/∂s_k = ∂s_n/∂s_{k+1} · diag(1 − s_{k+1}²) W_rec
    const next = new Array<number>(H * H).fill(0);
    for (let r = 0; r < H; r++)
      for (let j = 0; j < H; j++)
        for (let c = 0; c < H; c++) next[r * H + c] += J[r * H + j] * (1 - s[k + 1][j] ** 2) * wRec[j * H + c];
    J = next;
    norm[k] = spectralNorm(J, H, H);
  }
  const meanSaturation = s.map((sk) => Array.from(sk, (v) => 1 - v * v).reduce((a, b) => a + b, 0) / H);
  return { n, norm, meanSaturation, wRecNorm: spectralNorm(wRec, H, H) };
}

/** The sentence the cell shows (its `vanishingSentence` hook). */
async function shownSentence(page: Page): Promise<string | null> {
  await lookAt(page, DEMO);
  return page.locator(`[data-demo="${DEMO}"] [data-quantity="vanishingSentence"]`).getAttribute('data-value');
}

/** Checks the cell's series and ‖W_rec‖₂ against the computation here, for the sentence `text`. */
async function expectCellMatches(page: Page, text: string) {
  await expect.poll(() => shownSentence(page), POLL).toBe(text);
  const want = expected(text);
  const norm = await quantities(page, DEMO, 'jacobianNorm');
  const saturation = await quantities(page, DEMO, 'meanSaturation');
  expect(norm).toHaveLength(want.n + 1);
  expect(saturation).toHaveLength(want.n + 1);
  const ks = await page.locator(`[data-demo="${DEMO}"] [data-quantity="jacobianNorm"]`).evaluateAll((nodes) => nodes.map((node) => Number((node as HTMLElement).dataset.k)));
  expect(ks).toEqual(Array.from({ length: want.n + 1 }, (_, k) => k));
  // The browser's Math.tanh may differ from Node's in the last bit; products of n ≤ 31 factors stay within 1e-10.
  norm.forEach((v, k) => expect(relativeError(v, want.norm[k]), `‖∂s_n/∂s_${k}‖₂`).toBeLessThanOrEqual(1e-10));
  saturation.forEach((v, k) => expect(relativeError(v, want.meanSaturation[k]), `mean (1 − s_${k}²)`).toBeLessThanOrEqual(1e-12));
  expect(relativeError((await quantities(page, DEMO, 'wRecNorm'))[0], want.wRecNorm)).toBeLessThanOrEqual(1e-12);
  expect(await page.locator(`[data-demo="${DEMO}"]`).textContent()).not.toContain('NaN');
  return want;
}

describe('the vanishing-gradient cell (data-demo="lm-vanishing")', () => {
  it('server-renders the norms of the default sentence, k = 0 … n, and ‖W_rec‖₂', () => {
    const html = readFileSync(`${DIST_DIR}/${PAGE}index.html`, 'utf8');
    const want = expected(sentenceParam.initial.join(' '));
    const norm = [...html.matchAll(/data-quantity="jacobianNorm" data-k="(\d+)" data-value="([^"]+)"/g)];
    expect(norm.map((m) => Number(m[1]))).toEqual(Array.from({ length: want.n + 1 }, (_, k) => k));
    norm.forEach((m, k) => expect(relativeError(Number(m[2]), want.norm[k])).toBeLessThanOrEqual(1e-12));
    const wRecNorm = html.match(/data-quantity="wRecNorm" data-value="([^"]+)"/);
    expect(relativeError(Number(wRecNorm![1]), want.wRecNorm)).toBeLessThanOrEqual(1e-12);
  });

  it('the presets set the page’s shared sentence from the keyboard (Enter, then Space), and the gradient check follows', async () => {
    const { page, problems, close } = await openPage(browser, `${inject('siteRoot')}${PAGE}`);
    await waitForIslands(page);
    const demo = page.locator(`[data-demo="${DEMO}"]`);
    const [short, long] = VANISHING_PRESETS.map((preset) => preset.words.join(' '));
    const longButton = demo.getByRole('button', { name: new RegExp(`^${VANISHING_PRESETS[1].label}`) });
    await expect.poll(() => longButton.isEnabled(), POLL).toBe(true);
    await longButton.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('sentence'), POLL).toBe(long);
    expect(await longButton.getAttribute('aria-pressed')).toBe('true');
    const want = await expectCellMatches(page, long);
    // the long sentence is the demonstration that the norm falls going back in time
    expect(want.norm[0]).toBeLessThan(Math.max(...want.norm.slice(1, want.n)));
    // the whole page follows the shared sentence
    await lookAt(page, 'lm-gradient-check');
    await expect
      .poll(() => page.locator('[data-demo="lm-gradient-check"] [data-quantity="checkedSentence"]').getAttribute('data-value'), POLL)
      .toBe(long);
    const shortButton = demo.getByRole('button', { name: new RegExp(`^${VANISHING_PRESETS[0].label}`) });
    await shortButton.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => new URL(page.url()).searchParams.get('sentence'), POLL).toBe(short);
    await expectCellMatches(page, short);
    expect(problems).toEqual([]);
    await close();
  });

  it('reads the sentence from the URL and refuses an unknown word beside the field, keeping the last good series', async () => {
    const text = VANISHING_PRESETS[0].words.join(' ');
    const { page, problems, close } = await openPage(browser, `${inject('siteRoot')}${PAGE}?sentence=${encodeURIComponent(text)}`);
    await waitForIslands(page);
    await expectCellMatches(page, text);
    const field = page.locator(`[data-demo="${DEMO}"]`).getByRole('textbox', { name: 'Sentence' });
    await field.fill('i like quuxish toast');
    await expect.poll(() => field.getAttribute('aria-invalid'), POLL).toBe('true');
    const message = page.locator(`[id="${await field.getAttribute('aria-describedby')}"]`);
    await expect.poll(() => message.textContent(), POLL).toContain('“quuxish” is not in the dictionary');
    await expectCellMatches(page, text);
    expect(problems).toEqual([]);
    await close();
  });

  it('reads without JavaScript: the charts, ‖W_rec‖₂ and the table of the build are there', async () => {
    const { page, problems, close } = await openPage(browser, `${inject('siteRoot')}${PAGE}`, { javaScriptEnabled: false });
    const demo = page.locator(`[data-demo="${DEMO}"]`);
    expect(await demo.locator('svg[role="img"]').count()).toBe(2);
    expect(await demo.locator('[data-quantity="wRecNorm"]').count()).toBe(1);
    expect(await demo.locator('[data-quantity="jacobianNorm"]').count()).toBe(sentenceParam.initial.length + 2);
    expect(await demo.locator('[data-quantity="vanishingSentence"]').getAttribute('data-value')).toBe(sentenceParam.initial.join(' '));
    expect(problems).toEqual([]);
    await close();
  });
});
