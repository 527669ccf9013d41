import { readFileSync } from 'node:fs';
import { randomLcg } from 'd3-random';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { deserializeParams, encode, hiddenStates, predictNext, sampleContinuation, splitCorpus, topK } from '~/core/lm/index.ts';
import { launchBrowser, openPage, quantities, waitForIslands } from '../support/browser.ts';

/** Relative tolerance between a shown probability and the core's value for the same weights. */
const TOLERANCE = 1e-9;
const weightsText = readFileSync('public/data/lm-weights.json', 'utf8');
const { params, dict, meta } = deserializeParams(JSON.parse(weightsText));
const corpus = readFileSync('data/corpus.txt', 'utf8');
/** The sentences the shipped weights were trained on (the split their file records). */
const training = splitCorpus(corpus, meta.split as { seed: number; heldOutFraction: number }).training.map((s) => s.words);

/** How often each word follows "i like french" at the start of a training sentence. */
const followerCounts = new Map<string, number>();
for (const w of training) {
  if (w[0] === 'i' && w[1] === 'like' && w[2] === 'french' && w.length > 3) followerCounts.set(w[3]!, (followerCounts.get(w[3]!) ?? 0) + 1);
}
const followers = new Set(followerCounts.keys());
/** The most frequent of them. */
const [mostFrequent] = [...followerCounts].sort((a, b) => b[1] - a[1]).map(([w]) => w);

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

/** The words and probabilities the predictor shows, in order. */
async function shownBars(page: Page): Promise<{ word: string; probability: number }[]> {
  return page
    .locator('[data-demo="next-word"] [data-quantity="probability"]')
    .evaluateAll((nodes) => nodes.map((n) => ({ word: (n as HTMLElement).dataset.word!, probability: Number((n as HTMLElement).dataset.value) })));
}

/** Asserts the bars are the core's top 10 for `words` at temperature T, each within TOLERANCE. */
function expectTopTen(bars: { word: string; probability: number }[], words: string[], temperature = 1) {
  const expected = topK(predictNext(params, dict, words, temperature), 10, dict);
  expect(bars.map((b) => b.word)).toEqual(expected.map((r) => r.word));
  bars.forEach((bar, i) => {
    const relative = Math.abs(bar.probability - expected[i]!.probability) / expected[i]!.probability;
    expect(relative).toBeLessThanOrEqual(TOLERANCE);
  });
}

/** Waits until the predictor uses the fetched shipped weights. */
async function weightsLoaded(page: Page) {
  await poll(() => page.locator('[data-demo="next-word"] [data-weights]').getAttribute('data-weights')).toBe('shipped');
}

describe('the next-word predictor (data-demo="next-word")', () => {
  it('shows, without JavaScript, the build-time prediction after "I like French": the most frequent follower first, the words seen there next', async () => {
    const { page, problems, close } = await openPage(browser, url(), { javaScriptEnabled: false });
    const bars = await shownBars(page);
    expect(bars[0]!.word).toBe(mostFrequent);
    // Every word seen after "i like french" in the training sentences ranks above every word never seen there.
    expect(new Set(bars.slice(0, followers.size).map((b) => b.word))).toEqual(followers);
    expectTopTen(bars, ['i', 'like', 'french']);
    // The hidden-state view is server-rendered too: s_0 … s_4 after <s>, i, like, french.
    const s = await quantities(page, 'hidden-state', 's');
    expect(s).toEqual(hiddenStates(params, [0, ...encode(dict, ['i', 'like', 'french']).indices]).flatMap((v) => Array.from(v)));
    expect(problems).toEqual([]);
    await close();
  });

  it('fetches the weights and shows predictNext("i like french") with the same ranking', async () => {
    const { page, problems, close } = await openPage(browser, url());
    await waitForIslands(page);
    await weightsLoaded(page);
    const bars = await shownBars(page);
    expect(bars[0]!.word).toBe(mostFrequent);
    expect(new Set(bars.slice(0, followers.size).map((b) => b.word))).toEqual(followers);
    expectTopTen(bars, ['i', 'like', 'french']);
    expect(problems).toEqual([]);
    await close();
  });

  it.each([
    // sharper: fries takes more than half
    [0.5],
    // flatter: the gaps shrink
    [2],
    // the lowest setting: nearly all on fries
    [0.1],
  ])('reshapes the bars as softmax(z / T) at T = %s', async (temperature) => {
    const { page, problems, close } = await openPage(browser, url());
    await waitForIslands(page);
    await weightsLoaded(page);
    await page.getByRole('slider', { name: 'Temperature T' }).fill(String(temperature));
    await poll(async () => (await shownBars(page))[0]!.probability).not.toBe(topK(predictNext(params, dict, ['i', 'like', 'french']), 1)[0]!.probability);
    expectTopTen(await shownBars(page), ['i', 'like', 'french'], temperature);
    expect(problems).toEqual([]);
    await close();
  });

  it('refuses an unknown word with a message that quotes it once, keeps the last prediction, then reads a new sentence', async () => {
    const { page, problems, close } = await openPage(browser, url());
    await waitForIslands(page);
    await weightsLoaded(page);
    const field = page.getByRole('textbox', { name: 'Start of a sentence' });
    await field.fill('I like croissant');
    const message = page.locator('[data-demo="next-word"] .message.error');
    await poll(() => message.textContent()).toContain('“croissant” is not in the dictionary');
    // The refused word is quoted once, not repeated.
    expect((await message.textContent())!.split('croissant')).toHaveLength(2);
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expectTopTen(await shownBars(page), ['i', 'like', 'french']);

    await field.fill('');
    await poll(() => message.textContent()).toContain('empty');
    expectTopTen(await shownBars(page), ['i', 'like', 'french']);
    await field.fill('  ...  ');
    await poll(() => message.textContent()).toContain('only punctuation');

    await field.fill('We love Italian');
    await poll(() => message.count()).toBe(0);
    expectTopTen(await shownBars(page), ['we', 'love', 'italian']);
    // The sentence read is the page's shared sentence, in the link; a refused one never was.
    await poll(() => page.url()).toContain('sentence=we+love+italian');
    // The hidden-state view follows the predictor's sentence.
    const expected = hiddenStates(params, [0, ...encode(dict, ['we', 'love', 'italian']).indices]).flatMap((v) => Array.from(v));
    await poll(() => quantities(page, 'hidden-state', 's')).toEqual(expected);
    expect(problems).toEqual([]);
    await close();
  });

  it('opens on the sentence of a link (?sentence=…), in the predictor, the hidden-state view and the field', async () => {
    const { page, problems, close } = await openPage(browser, url() + '?sentence=we+love+the+sea');
    await waitForIslands(page);
    await weightsLoaded(page);
    await poll(async () => (await shownBars(page)).map((b) => b.word)).toEqual(topK(predictNext(params, dict, ['we', 'love', 'the', 'sea']), 10, dict).map((r) => r.word));
    expectTopTen(await shownBars(page), ['we', 'love', 'the', 'sea']);
    expect(await page.getByRole('textbox', { name: 'Start of a sentence' }).inputValue()).toBe('we love the sea');
    const expected = hiddenStates(params, [0, ...encode(dict, ['we', 'love', 'the', 'sea']).indices]).flatMap((v) => Array.from(v));
    await poll(() => quantities(page, 'hidden-state', 's')).toEqual(expected);
    expect(problems).toEqual([]);
    await close();
  });

  it('refuses a linked sentence with an unknown word with the same message, showing the last good one', async () => {
    const { page, problems, close } = await openPage(browser, url() + '?sentence=i+like+croissant');
    await waitForIslands(page);
    await weightsLoaded(page);
    const message = page.locator('[data-demo="next-word"] .message.error');
    await poll(() => message.textContent()).toContain('“croissant” is not in the dictionary');
    expect(await message.textContent()).toContain('Still showing the last sentence read: “i like french”');
    expectTopTen(await shownBars(page), ['i', 'like', 'french']);
    expect(problems).toEqual([]);
    await close();
  });

  it.each([
    // markup: refused by the grammar, quoted back as text
    ['%3Cscript%3Ealert(1)%3C%2Fscript%3E', '"<"'],
    // a digit
    ['i+like+2', '"2"'],
    // empty
    ['', 'empty'],
  ])('a mangled ?sentence=%s gives a notice and the default sentence, nothing rendered as HTML', async (value, reason) => {
    const { page, problems, close } = await openPage(browser, `${url()}?sentence=${value}`);
    await waitForIslands(page);
    await weightsLoaded(page);
    const notices = page.locator('.notebook-bar .notice');
    await poll(() => notices.allTextContents()).toEqual([expect.stringMatching(/^The link's "sentence" was ignored/)]);
    expect((await notices.allTextContents())[0]).toContain(reason);
    // the notice quotes the value as text: no element was made from it
    expect(await notices.first().evaluate((node) => node.querySelector('script, img') === null && !node.innerHTML.includes('<script'))).toBe(true);
    expectTopTen(await shownBars(page), ['i', 'like', 'french']);
    expect(problems).toEqual([]);
    await close();
  });

  it('samples a continuation with a visible seed: the core\'s sampleContinuation with randomLcg(seed)', async () => {
    const { page, problems, close } = await openPage(browser, url());
    await waitForIslands(page);
    await weightsLoaded(page);
    const button = page.getByRole('button', { name: 'Sample a continuation' });
    const sample = page.locator('[data-demo="next-word"] [data-quantity="sample"]');
    for (const seed of [1, 2]) {
      await button.click();
      await poll(() => sample.getAttribute('data-seed')).toBe(String(seed));
      const expected = sampleContinuation(params, dict, ['i', 'like', 'french'], { temperature: 1, maxWords: 20, rng: randomLcg(seed) });
      expect(await sample.locator('[data-sample-words]').getAttribute('data-sample-words')).toBe(expected.words.join(' '));
      expect(await sample.textContent()).toContain(`i like french ${expected.words.join(' ')}`);
    }
    expect(problems).toEqual([]);
    await close();
  });

  it('says so when the weights cannot be fetched, keeping the build-time prediction', async () => {
    const { page, problems, close } = await openPage(browser, url());
    await page.waitForLoadState('networkidle');
    await page.route('**/data/lm-weights.json', (route) => route.fulfill({ status: 404, body: 'missing' }));
    await page.reload({ waitUntil: 'load' });
    await waitForIslands(page);
    const status = page.locator('[data-demo="next-word"] [role="status"]').first();
    await poll(() => status.textContent()).toContain('could not be loaded');
    expect(await status.textContent()).toContain('HTTP 404');
    expectTopTen(await shownBars(page), ['i', 'like', 'french']);
    expect(await page.getByRole('textbox', { name: 'Start of a sentence' }).isDisabled()).toBe(true);
    // The only problems are the refused request itself.
    expect(problems.filter((p) => !p.includes('404'))).toEqual([]);
    await close();
  });

  it('keeps the weights out of the JavaScript: no script the page loads contains them', async () => {
    const { page, problems, close } = await openPage(browser, url());
    await waitForIslands(page);
    await weightsLoaded(page);
    const scripts = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((e) => e.name).filter((name) => name.endsWith('.js')),
    );
    expect(scripts.length).toBeGreaterThan(0);
    // A run of consecutive weights, as they appear in the JSON file.
    const probe = JSON.stringify(JSON.parse(weightsText).wRec.slice(0, 3)).slice(1, -1);
    for (const script of scripts) {
      const text = await page.evaluate(async (u) => (await fetch(u)).text(), script);
      expect(text.includes(probe), script).toBe(false);
    }
    expect(problems).toEqual([]);
    await close();
  });
});
