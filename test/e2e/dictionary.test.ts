import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { buildDictionary, encode, tokenize } from '~/core/lm/index.ts';
import { launchBrowser, openPage, waitForIslands } from '../support/browser.ts';

const dictionary = buildDictionary(readFileSync('data/corpus.txt', 'utf8'));

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The indices the cell shows for the sentence's words, each with the word it carries. */
async function shownTokens(page: Page): Promise<{ word: string; index: number }[]> {
  return page
    .locator('[data-demo="dictionary"] .dictionary-tokens [data-quantity="index"]')
    .evaluateAll((nodes) =>
      nodes.map((node) => ({ word: (node as HTMLElement).dataset.word ?? '', index: Number((node as HTMLElement).dataset.value) })),
    );
}

/** The core's words and indices for a sentence, in the same shape. */
function coreTokens(sentence: string): { word: string; index: number }[] {
  const words = tokenize(sentence);
  const { indices } = encode(dictionary, words);
  return words.map((word, i) => ({ word, index: indices[i]! }));
}

/** The indices in the cell's question ("Given 4 → 3 → 5, which index comes next?"). */
async function questionIndices(page: Page): Promise<number[]> {
  return page
    .locator('[data-demo="dictionary"] .dictionary-question [data-quantity="index"]')
    .evaluateAll((nodes) => nodes.map((node) => Number((node as HTMLElement).dataset.value)));
}

describe('the dictionary cell (data-demo="dictionary")', () => {
  it('server-renders "I like French" as the core encodes it, and hydrates to the same', async () => {
    const { page, problems, close } = await openPage(browser, `${inject('siteRoot')}the-problem/`, { javaScriptEnabled: false });
    const expected = coreTokens('I like French');
    expect(await shownTokens(page)).toEqual(expected);
    await close();

    const live = await openPage(browser, `${inject('siteRoot')}the-problem/`);
    await waitForIslands(live.page);
    expect(await shownTokens(live.page)).toEqual(expected);
    expect(await questionIndices(live.page)).toEqual(expected.map((t) => t.index));
    const question = await live.page.locator('[data-demo="dictionary"] .dictionary-question').textContent();
    expect(question).toContain(`Given ${expected.map((t) => t.index).join(' → ')}`);
    expect(question).toContain('which index comes next?');
    expect(problems).toEqual([]);
    expect(live.problems).toEqual([]);
    await live.close();
  });

  it('typing a sentence from the keyboard shows the core\'s indices for it', async () => {
    const { page, problems, close } = await openPage(browser, `${inject('siteRoot')}the-problem/`);
    await waitForIslands(page);
    const field = page.getByRole('textbox', { name: /Sentence/ });
    await field.focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Backspace');
    const sentence = 'We love French wine with dinner.';
    await page.keyboard.type(sentence);
    const expected = coreTokens(sentence);
    // Every word of this sentence is in the corpus: no <unk>.
    expect(expected.every((t) => t.index !== dictionary.unknown)).toBe(true);
    await expect.poll(() => shownTokens(page)).toEqual(expected);
    expect(await questionIndices(page)).toEqual(expected.map((t) => t.index));
    await expect(page.locator('[data-demo="dictionary"] .is-unknown').count()).resolves.toBe(0);
    expect(problems).toEqual([]);
    await close();
  });

  it('marks a word outside the dictionary as <unk> with a note, without an error', async () => {
    const { page, problems, close } = await openPage(browser, `${inject('siteRoot')}the-problem/`);
    await waitForIslands(page);
    const sentence = 'I like Klingon opera';
    const expected = coreTokens(sentence);
    // Which words are unknown is the core's answer, not ours.
    const unknownWords = encode(dictionary, tokenize(sentence)).unknown.map((u) => u.word);
    expect(unknownWords.length).toBeGreaterThan(0);
    await page.getByRole('textbox', { name: /Sentence/ }).fill(sentence);
    await expect.poll(() => shownTokens(page)).toEqual(expected);
    const marked = await page
      .locator('[data-demo="dictionary"] .dictionary-tokens li.is-unknown [data-quantity="index"]')
      .evaluateAll((nodes) => nodes.map((node) => (node as HTMLElement).dataset.word));
    expect(marked).toEqual(unknownWords);
    const note = await page.locator('[data-demo="dictionary"] .dictionary-unknown').textContent();
    expect(note).toContain('<unk>');
    for (const word of unknownWords) expect(note).toContain(`“${word}”`);
    await expect(page.locator('[data-demo="dictionary"] .cell-error').count()).resolves.toBe(0);
    expect(problems).toEqual([]);
    await close();
  });

  it('an empty sentence gets a message and the last good result stays', async () => {
    const { page, problems, close } = await openPage(browser, `${inject('siteRoot')}the-problem/`);
    await waitForIslands(page);
    const field = page.getByRole('textbox', { name: /Sentence/ });
    await field.fill('you like books');
    const last = coreTokens('you like books');
    await expect.poll(() => shownTokens(page)).toEqual(last);
    await field.focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Backspace');
    const message = page.locator('[data-demo="dictionary"] .message.error');
    await expect.poll(() => message.textContent()).toContain('empty');
    expect(await message.textContent()).toContain('you like books');
    await expect(field.getAttribute('aria-invalid')).resolves.toBe('true');
    expect(await shownTokens(page)).toEqual(last);
    // Punctuation alone has no words either.
    await field.fill('?!');
    await expect.poll(() => message.textContent()).toContain('no words');
    expect(await shownTokens(page)).toEqual(last);
    // A real sentence again clears the message.
    await field.fill('I like tea');
    await expect.poll(() => shownTokens(page)).toEqual(coreTokens('I like tea'));
    await expect(page.locator('[data-demo="dictionary"] .message.error').count()).resolves.toBe(0);
    expect(problems).toEqual([]);
    await close();
  });

  it('lists the whole dictionary, entry by entry, as the core builds it (server-rendered)', async () => {
    const { page, problems, close } = await openPage(browser, `${inject('siteRoot')}the-problem/`, { javaScriptEnabled: false });
    const listed = await page
      .locator('[data-demo="dictionary"] .dictionary-list [data-quantity="index"]')
      .evaluateAll((nodes) => nodes.map((node) => [Number((node as HTMLElement).dataset.value), (node as HTMLElement).dataset.word]));
    expect(listed).toEqual(dictionary.words.map((word, i) => [i, word]));
    expect(problems).toEqual([]);
    await close();
  });

  it('the prose example "I like French" matches the core', async () => {
    const { page, problems, close } = await openPage(browser, `${inject('siteRoot')}the-problem/`);
    const shown = await page.locator('#encoding-example [data-value]').allTextContents();
    expect(shown.map(Number)).toEqual(encode(dictionary, tokenize('I like French')).indices);
    expect(problems).toEqual([]);
    await close();
  });
});

describe('chapter 1, recurrent and recursive networks', () => {
  it('the figure has a text alternative for each panel and a caption, with no script needed', async () => {
    const { page, problems, close } = await openPage(browser, `${inject('siteRoot')}recurrent-networks/`, { javaScriptEnabled: false });
    const images = page.locator('figure.rvr svg[role="img"]');
    await expect(images.count()).resolves.toBe(2);
    const labels = await images.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('aria-label') ?? ''));
    expect(labels[0]).toMatch(/Recursive network/);
    expect(labels[0]).toMatch(/W_L/);
    expect(labels[0]).toMatch(/W_R/);
    expect(labels[1]).toMatch(/Recurrent network/);
    expect(labels[1]).toMatch(/w_rec/);
    expect(labels[1]).toMatch(/w_x/);
    const caption = await page.locator('figure.rvr figcaption').textContent();
    expect(caption?.trim().length).toBeGreaterThan(80);
    // The figure's accessible name is its caption.
    await expect(page.getByRole('figure', { name: /the children love french fries/ }).count()).resolves.toBe(1);
    expect(problems).toEqual([]);
    await close();
  });

  it('every use of a shared weight has the same colour: one colour per weight, four weights', async () => {
    const { page, problems, close } = await openPage(browser, `${inject('siteRoot')}recurrent-networks/`);
    // Pair each edge's label with its line's stroke.
    const pairs = await page.locator('figure.rvr svg[role="img"] g:has(> line)').evaluateAll((groups) =>
      groups.map((g) => [g.querySelector('text')?.textContent ?? '', g.querySelector('line')?.getAttribute('stroke') ?? '']),
    );
    const colourOf = new Map<string, Set<string>>();
    for (const [label, stroke] of pairs) colourOf.set(label, (colourOf.get(label) ?? new Set()).add(stroke));
    expect([...colourOf.keys()].sort()).toEqual(['WL', 'WR', 'wrec', 'wx']);
    for (const colours of colourOf.values()) expect(colours.size).toBe(1);
    expect(new Set(pairs.map(([, stroke]) => stroke)).size).toBe(4);
    // A tree over five words has four inner nodes of two children each; a chain of five steps has ten edges.
    expect(pairs.length).toBe(8 + 10);
    expect(problems).toEqual([]);
    await close();
  });
});
