import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { forward } from '~/core';
import { launchBrowser, openPage, quantities, waitForIslands } from '../support/browser.ts';

const SEED = [0, 1, 1, 0, 0, 0, 0, 1, 0, 0, 1, 1];
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Reads the states the cell shows and the core's states for the same inputs. */
async function expectStatesMatchCore(page: import('playwright-core').Page, x: number[], wRec: number, wX: number) {
  const shown = await quantities(page, 'states', 's');
  expect(shown).toEqual(Array.from(forward(x, { wRec, wX })));
}

describe('the states cell (data-demo="states")', () => {
  it('server-renders the seed sequence at (1, 1), ending in 5, and hydrates to the same', async () => {
    const { page, problems, close } = await openPage(browser, `${inject('siteRoot')}the-model/`);
    await waitForIslands(page);
    await expectStatesMatchCore(page, SEED, 1, 1);
    expect((await quantities(page, 'states', 's')).at(-1)).toBe(5);
    expect(problems).toEqual([]);
    await close();
  });

  it('follows its w_rec slider from the keyboard and writes the state to the URL', async () => {
    const { page, problems, close } = await openPage(browser, `${inject('siteRoot')}the-model/`);
    await waitForIslands(page);
    const slider = page.getByRole('slider', { name: 'w rec' });
    await slider.focus();
    // Each ArrowLeft moves the range input one step of 0.01.
    for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowLeft');
    await expect.poll(() => slider.inputValue()).toBe('0.9');
    await expectStatesMatchCore(page, SEED, 0.9, 1);
    await expect.poll(() => new URL(page.url()).searchParams.get('wRec')).toBe('0.9');
    expect(problems).toEqual([]);
    await close();
  });

  it('follows its w_x slider when dragged to a new value', async () => {
    const { page, problems, close } = await openPage(browser, `${inject('siteRoot')}the-model/`);
    await waitForIslands(page);
    const slider = page.getByRole('slider', { name: 'w x' });
    await slider.fill('2');
    await expectStatesMatchCore(page, SEED, 1, 2);
    expect(problems).toEqual([]);
    await close();
  });

  it('reads its state from the URL', async () => {
    const { page, problems, close } = await openPage(browser, `${inject('siteRoot')}the-model/?wRec=0.5&wX=1&x=1101`);
    await waitForIslands(page);
    await expect.poll(() => quantities(page, 'states', 's')).toEqual(Array.from(forward([1, 1, 0, 1], { wRec: 0.5, wX: 1 })));
    expect(problems).toEqual([]);
    await close();
  });

  it('refuses a letter in the sequence field with a message, keeping the last good states', async () => {
    const { page, problems, close } = await openPage(browser, `${inject('siteRoot')}the-model/`);
    await waitForIslands(page);
    const field = page.getByRole('textbox', { name: /Input sequence x/ });
    await field.fill('0110a1');
    await expect.poll(() => page.locator('[data-demo="states"] .message.error').textContent()).toContain('"a" at position 5');
    await expectStatesMatchCore(page, SEED, 1, 1);
    await field.fill('');
    await expect.poll(() => page.locator('[data-demo="states"] .message.error').textContent()).toContain('empty');
    await expectStatesMatchCore(page, SEED, 1, 1);
    expect(problems).toEqual([]);
    await close();
  });

  it('draws a 1,000-step table 100 steps at a time, and its buttons page through every step', async () => {
    const x = Array.from({ length: 1000 }, (_, i) => (i % 3 === 0 ? 1 : 0));
    const { page, problems, close } = await openPage(browser, `${inject('siteRoot')}the-model/?wRec=0.9&x=${x.join('')}`);
    await waitForIslands(page);
    const s = Array.from(forward(x, { wRec: 0.9, wX: 1 }));
    const shownSteps = () => page.locator('[data-demo="states"] [data-quantity="s"]').evaluateAll((nodes) => nodes.map((node) => Number(node.getAttribute('data-k'))));
    await expect.poll(() => quantities(page, 'states', 's')).toEqual(s.slice(0, 100));
    const cell = page.locator('[data-demo="states"]');
    await cell.getByRole('button', { name: 'Next 100' }).click();
    await expect.poll(() => quantities(page, 'states', 's')).toEqual(s.slice(100, 200));
    for (let i = 0; i < 8; i++) await cell.getByRole('button', { name: 'Next 100' }).click();
    // k = 0..1000 is 1,001 steps: the tenth page ends at k = 999 and an eleventh holds s_1000 alone
    await expect.poll(shownSteps).toEqual(Array.from({ length: 100 }, (_, i) => 900 + i));
    expect(await cell.getByRole('button', { name: 'Next 100' }).isDisabled()).toBe(false);
    await cell.getByRole('button', { name: 'Next 100' }).click();
    await expect.poll(shownSteps).toEqual([1000]);
    expect(await cell.getByRole('button', { name: 'Next 100' }).isDisabled()).toBe(true);
    expect(problems).toEqual([]);
    await close();
  });

  it('states overflow in words instead of drawing NaN', async () => {
    const x = '1'.repeat(1000);
    const { page, problems, close } = await openPage(browser, `${inject('siteRoot')}the-model/?wRec=3&x=${x}`);
    await waitForIslands(page);
    await expect.poll(() => page.locator('[data-demo="states"]').textContent()).toContain('overflow');
    const text = await page.locator('[data-demo="states"]').textContent();
    expect(text).not.toContain('NaN');
    expect(problems).toEqual([]);
    await close();
  });
});
