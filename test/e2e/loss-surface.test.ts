import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { countingDataset, datasetGradient, datasetLoss, type Dataset, type Objective } from '~/core';
import { RACERS } from '~/notebook/optimizers.ts';
import { launchBrowser, lookAt, openPage, quantities, waitForIslands } from '../support/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const url = () => `${inject('siteRoot')}training/`;
const surface = (page: Page) => page.locator('[data-demo="loss-surface"] [role="application"]');

/** The single number a demo shows for a quantity. */
async function one(page: Page, demo: string, quantity: string): Promise<number> {
  const values = await quantities(page, demo, quantity);
  expect(values).toHaveLength(1);
  return values[0];
}

/** Checks that the surface's readout shows the core's loss and gradient at the cursor it shows. */
async function expectReadoutMatchesCore(page: Page, data: Dataset, objective: Objective) {
  const w = { wX: await one(page, 'loss-surface', 'wX'), wRec: await one(page, 'loss-surface', 'wRec') };
  const g = datasetGradient(data, w, objective);
  expect(await one(page, 'loss-surface', 'loss')).toBe(datasetLoss(data, w, objective));
  expect(await one(page, 'loss-surface', 'dWX')).toBe(g.dWX);
  expect(await one(page, 'loss-surface', 'dWRec')).toBe(g.dWRec);
  return w;
}

/**
 * The filled contours (colour and path length) a map draws, read with it on screen: its own paths, or those of the
 * bands the page defines once (SharedLossSurface) when it draws them with `<use>`.
 */
async function fills(page: Page, demo = 'loss-surface') {
  await lookAt(page, demo);
  return page.locator(`[data-demo="${demo}"] .contour-fills`).evaluate((group) => {
    const use = group.querySelector('use');
    const source = use ? document.querySelector(use.getAttribute('href')!)! : group;
    return Array.from(source.querySelectorAll('path'), (p) => `${p.getAttribute('fill')} ${p.getAttribute('d')?.length}`);
  });
}

describe('the loss surface (data-demo="loss-surface")', () => {
  it('moves a keyboard cursor with the arrow keys and shows the core loss and gradient there', async () => {
    const { page, problems, close } = await openPage(browser, url());
    await waitForIslands(page);
    const data = countingDataset({ count: 20, length: 10, seed: 1 });
    await surface(page).focus();
    // Focus puts the cursor on the training start (−1.5, 2).
    await expect.poll(() => quantities(page, 'loss-surface', 'wX')).toEqual([-1.5]);
    expect(await quantities(page, 'loss-surface', 'wRec')).toEqual([2]);
    await expectReadoutMatchesCore(page, data, 'final');
    // Each arrow moves 0.05: 3 right and 4 down go to (−1.35, 1.8).
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
    await expect.poll(() => quantities(page, 'loss-surface', 'wX')).toEqual([-1.35]);
    expect(await quantities(page, 'loss-surface', 'wRec')).toEqual([1.8]);
    await expectReadoutMatchesCore(page, data, 'final');
    // Shift+ArrowUp moves 0.5: to (−1.35, 2.3).
    await page.keyboard.press('Shift+ArrowUp');
    await expect.poll(() => quantities(page, 'loss-surface', 'wRec')).toEqual([2.3]);
    await expectReadoutMatchesCore(page, data, 'final');
    expect(problems).toEqual([]);
    await close();
  });

  it('sets the training start with Enter, in the URL and in the trainer', async () => {
    const { page, problems, close } = await openPage(browser, url());
    await waitForIslands(page);
    await surface(page).focus();
    for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowDown');
    for (let i = 0; i < 2; i++) await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('startWRec')).toBe('1.5');
    expect(new URL(page.url()).searchParams.get('startWX')).toBe('-1.6');
    expect(await quantities(page, 'loss-surface', 'startWX')).toEqual([-1.6]);
    expect(await quantities(page, 'trainer', 'wRec')).toEqual(RACERS.map(() => 1.5));
    expect(problems).toEqual([]);
    await close();
  });

  it('sets the training start with a click at the point under the pointer', async () => {
    const { page, problems, close } = await openPage(browser, url());
    await waitForIslands(page);
    const svg = page.locator('[data-demo="loss-surface"] .contour-map');
    await svg.scrollIntoViewIfNeeded();
    // The optimum's cross marks (1, 1): clicking at its centre starts training there (to the nearest 0.01).
    const box = await page.locator('[data-demo="loss-surface"] .optimum path').first().boundingBox();
    if (!box) throw new Error('the optimum marker has no box');
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(async () => Math.abs((await quantities(page, 'loss-surface', 'startWX'))[0] - 1)).toBeLessThanOrEqual(0.03);
    expect(Math.abs((await quantities(page, 'loss-surface', 'startWRec'))[0] - 1)).toBeLessThanOrEqual(0.03);
    await expectReadoutMatchesCore(page, countingDataset({ count: 20, length: 10, seed: 1 }), 'final');
    expect(problems).toEqual([]);
    await close();
  });

  it('redraws for the every-step error and reads the every-step loss', async () => {
    const { page, problems, close } = await openPage(browser, url());
    await waitForIslands(page);
    const before = await fills(page);
    await page.locator('[data-demo="loss-surface"]').getByRole('radio', { name: /every step/ }).check();
    await expect.poll(() => fills(page)).not.toEqual(before);
    await expect.poll(() => new URL(page.url()).searchParams.get('objective')).toBe('every-step');
    await surface(page).focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => quantities(page, 'loss-surface', 'wX')).toEqual([-1.55]);
    await expectReadoutMatchesCore(page, countingDataset({ count: 20, length: 10, seed: 1 }), 'every-step');
    expect(problems).toEqual([]);
    await close();
  });

  it('opens, like the trainer, on the one copy of the default bands the page holds, and draws its own once they change', async () => {
    const { page, problems, close } = await openPage(browser, url());
    await waitForIslands(page);
    const defined = page.locator('.contour-fills-defs g[id^="contour-fills-"]');
    expect(await defined.count()).toBe(1);
    const id = await defined.getAttribute('id');
    const definedBands = await defined.locator('path').count();
    expect(definedBands).toBeGreaterThan(5);
    const before = await fills(page);
    for (const demo of ['loss-surface', 'trainer']) {
      await lookAt(page, demo);
      const use = page.locator(`[data-demo="${demo}"] .contour-fills use`);
      expect(await use.getAttribute('href')).toBe(`#${id}`);
      expect(await page.locator(`[data-demo="${demo}"] .contour-fills path`).count()).toBe(0);
      // drawn: the bands cover the plot's grid (121 × 121 points, in grid units), far above the map on the page
      const box = await use.evaluate((node) => {
        const { width, height } = (node as SVGGraphicsElement).getBBox();
        return [width, height];
      });
      expect(box[0]).toBeGreaterThan(100);
      expect(box[1]).toBeGreaterThan(100);
      expect(await fills(page, demo)).toEqual(before);
    }
    await page.locator('[data-demo="loss-surface"]').getByRole('radio', { name: /every step/ }).check();
    for (const demo of ['loss-surface', 'trainer']) {
      await lookAt(page, demo);
      await expect.poll(() => page.locator(`[data-demo="${demo}"] .contour-fills path`).count()).toBeGreaterThan(5);
      expect(await page.locator(`[data-demo="${demo}"] .contour-fills use`).count()).toBe(0);
      expect(await fills(page, demo)).not.toEqual(before);
    }
    // the definition stays as it was, for a map that has not changed
    expect(await defined.locator('path').count()).toBe(definedBands);
    expect(problems).toEqual([]);
    await close();
  });

  it('follows a change of data (seed, length) and reads the new data set', async () => {
    const { page, problems, close } = await openPage(browser, url());
    await waitForIslands(page);
    const before = await fills(page);
    await page.getByRole('textbox', { name: /Seed/ }).fill('7');
    await page.getByRole('textbox', { name: /Length n/ }).fill('15');
    await expect.poll(() => fills(page)).not.toEqual(before);
    // Both fields are written to the URL; the second write may land a frame after the first.
    await expect.poll(() => new URL(page.url()).searchParams.get('seed')).toBe('7');
    await expect.poll(() => new URL(page.url()).searchParams.get('length')).toBe('15');
    const data = countingDataset({ count: 20, length: 15, seed: 7 });
    // The data cell shows the first sequences' counts t_n.
    expect(await quantities(page, 'dataset', 'target')).toEqual(data.targets.slice(0, 6).map((t) => t[15]));
    await surface(page).focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => quantities(page, 'loss-surface', 'wRec')).toEqual([1.95]);
    await expectReadoutMatchesCore(page, data, 'final');
    expect(problems).toEqual([]);
    await close();
  });

  it('refuses bad data settings with a message beside the field, keeping the last good data', async () => {
    const { page, problems, close } = await openPage(browser, url());
    await waitForIslands(page);
    const before = await fills(page);
    const count = page.getByRole('textbox', { name: /Sequences N/ });
    await count.fill('abc');
    await expect.poll(() => page.locator('[data-demo="dataset"] .message.error').textContent()).toContain('must be a decimal number such as 0.5, -2 or 1e-3, got "abc"');
    await count.fill('500');
    await expect.poll(() => page.locator('[data-demo="dataset"] .message.error').textContent()).toContain('between 1 and 200');
    await page.getByRole('textbox', { name: /Length n/ }).fill('2.5');
    await expect.poll(() => page.locator('[data-demo="dataset"] .message.error').last().textContent()).toContain('whole number');
    expect(await fills(page)).toEqual(before);
    expect(new URL(page.url()).searchParams.get('count')).toBeNull();
    const data = countingDataset({ count: 20, length: 10, seed: 1 });
    expect(await quantities(page, 'dataset', 'target')).toEqual(data.targets.slice(0, 6).map((t) => t[10]));
    expect(problems).toEqual([]);
    await close();
  });
});
