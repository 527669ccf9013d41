import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, lookAt, openPage, waitForIslands } from '../support/browser.ts';

// How links and text fields are read: one decimal grammar, a notice for a repeated or unknown key, and fields that
// never rewrite what the reader is typing.

/** The machine may be busy (n = 1000 redraws slowly): wait for changes rather than race them. */
const WAIT = { timeout: 30_000, interval: 100 };
/** Longer than the URL write's delay plus a redraw: how long a field is watched for a rewrite. */
const SETTLE_MS = 600;
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const open = async (path: string) => {
  const watched = await openPage(browser, `${inject('siteRoot')}${path}`);
  await waitForIslands(watched.page);
  return watched;
};

const notices = (page: Page) => page.locator('.notebook-bar .notice').allTextContents();
const searchParam = (page: Page, key: string) => new URL(page.url()).searchParams.get(key);

/** Types `text` one key at a time; after each key, once `settled` holds, the field must show exactly what was typed. */
async function typeKeyByKey(page: Page, field: Locator, text: string, settled: (typed: string) => Promise<void>) {
  await field.fill('');
  let typed = '';
  for (const key of text) {
    await field.press(key);
    typed += key;
    await settled(typed);
    await page.waitForTimeout(SETTLE_MS);
    expect(await field.inputValue(), `after typing "${typed}"`).toBe(typed);
  }
}

describe('the whole-number field n', () => {
  it.each(['gradient-flow', 'lstm-flow'])('%s: typing 1e308 key by key shows a message and never rewrites the text', async (demo) => {
    const { page, problems, close } = await open('vanishing-and-exploding-gradients/');
    await lookAt(page, demo);
    const cell = page.locator(`[data-demo="${demo}"]`);
    const field = cell.getByRole('textbox', { name: /Sequence length n/ });
    expect(await field.getAttribute('type')).toBe('text');
    expect(await field.getAttribute('inputmode')).toBe('numeric');
    await typeKeyByKey(page, field, '1e308', async (typed) => {
      // 1e3 is read as n = 1000: wait until the page has taken it (its URL says so) before looking at the field
      if (typed === '1e3') await expect.poll(() => searchParam(page, 'n'), WAIT).toBe('1000');
    });
    await expect.poll(() => cell.locator('.message.error').textContent(), WAIT).toMatch(/^n must be between 1 and 1000, got .*\. Still using n = 1000\.$/);
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(searchParam(page, 'n')).toBe('1000');
    expect(problems).toEqual([]);
    await close();
  });

  it.each([
    // a comma for the point: the 1 typed before it is read, and kept
    ['1,5', '1'],
    // a hexadecimal prefix: the 0 typed first is out of range, so n keeps its default (no key in the address)
    ['0x10', null],
  ])('gradient-flow: %s typed key by key stays as typed and is refused, keeping n (n in the address: %s)', async (text, kept) => {
    const { page, problems, close } = await open('vanishing-and-exploding-gradients/');
    await lookAt(page, 'gradient-flow');
    const cell = page.locator('[data-demo="gradient-flow"]');
    const field = cell.getByRole('textbox', { name: /Sequence length n/ });
    await typeKeyByKey(page, field, text, async () => {});
    await expect.poll(() => cell.locator('.message.error').textContent(), WAIT).toContain(`n must be a decimal number such as 0.5, -2 or 1e-3, got "${text}"`);
    expect(searchParam(page, 'n')).toBe(kept);
    expect(problems).toEqual([]);
    await close();
  });
});

describe('the next-word trainer\'s epochs field', () => {
  it('is a text field: 0x10 typed key by key stays as typed and is refused with the shared wording', async () => {
    const { page, problems, close } = await open('next-word/');
    const trainer = page.locator('[data-demo="next-word-trainer"]');
    const field = trainer.getByRole('textbox', { name: /Epochs/ });
    await typeKeyByKey(page, field, '0x10', async () => {});
    await expect.poll(() => trainer.locator('.message.error').textContent(), WAIT).toBe('Epochs must be a decimal number such as 0.5, -2 or 1e-3, got "0x10".');
    expect(await trainer.getByRole('button', { name: 'Start training' }).isDisabled()).toBe(true);
    expect(problems).toEqual([]);
    await close();
  });
});

describe('reading a link', () => {
  it('?wX=0.25&wX=2 reads the first value and says which it used', async () => {
    const { page, problems, close } = await open('the-model/?wX=0.25&wX=2');
    await expect.poll(() => notices(page), WAIT).toEqual(['The link gives "wX" 2 values ("0.25", "2"); the first, "0.25", is used.']);
    expect(await page.getByRole('slider', { name: 'w x' }).first().inputValue()).toBe('0.25');
    // the address keeps the one value read
    await expect.poll(() => new URL(page.url()).search, WAIT).toBe('?wX=0.25');
    expect(problems).toEqual([]);
    await close();
  });

  it('?bogus=1 gets a notice naming "bogus", and the key is gone from the address afterwards', async () => {
    const { page, problems, close } = await open('the-model/?wRec=0.5&bogus=1');
    await expect.poll(() => notices(page), WAIT).toEqual(['The link\'s "bogus" is not a setting of this page: it was left out of the address.']);
    await expect.poll(() => page.evaluate(() => location.search), WAIT).toBe('?wRec=0.5');
    expect(await page.getByRole('slider', { name: 'w rec' }).first().inputValue()).toBe('0.5');
    expect(problems).toEqual([]);
    await close();
  });

  it('?wRec=0x10 is refused with a notice and w_rec keeps its default', async () => {
    const { page, problems, close } = await open('the-model/?wRec=0x10');
    await expect.poll(() => notices(page), WAIT).toEqual([
      'The link\'s "wRec" was ignored (must be a decimal number such as 0.5, -2 or 1e-3, got "0x10"); the default is used instead.',
    ]);
    expect(await page.getByRole('slider', { name: 'w rec' }).first().inputValue()).toBe('1');
    await expect.poll(() => page.evaluate(() => location.search), WAIT).toBe('');
    expect(problems).toEqual([]);
    await close();
  });
});
