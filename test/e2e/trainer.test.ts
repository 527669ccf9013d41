import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { countingDataset, datasetLoss, train, type OptimizerConfig, type TrainStep } from '~/core';
import { launchBrowser, openPage, quantities, waitForIslands } from '../support/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const url = (query = '') => `${inject('siteRoot')}training/${query}`;
const data = countingDataset({ count: 20, length: 10, seed: 1 });
const start = { wX: -1.5, wRec: 2 };

/** The first `count` updates of the core's train() from the page's default start, data and objective. */
function coreSteps(optimizer: OptimizerConfig, count: number): TrainStep[] {
  const updates = train(data, start, optimizer, { objective: 'final' });
  return Array.from({ length: count }, () => updates.next().value);
}

/** What the trainer shows for one optimizer. */
async function shown(page: Page, optimizer: OptimizerConfig['kind']) {
  const read = (quantity: string) =>
    page
      .locator(`[data-demo="trainer"] [data-optimizer="${optimizer}"] [data-quantity="${quantity}"]`)
      .evaluateAll((nodes) => nodes.map((node) => Number((node as HTMLElement).dataset.value)));
  const [iteration, wX, wRec, loss] = await Promise.all(['iteration', 'wX', 'wRec', 'loss'].map(read));
  return { iteration: iteration[0], wX: wX[0], wRec: wRec[0], loss: loss[0] };
}

const iterations = async (page: Page) => (await quantities(page, 'trainer', 'iterations'))[0];
const trainer = (page: Page) => page.locator('[data-demo="trainer"]');

describe('the trainer (data-demo="trainer")', () => {
  it('plays to the iteration limit at the fastest speed; Rprop ends where train() does, within 0.01 of (1, 1)', async () => {
    const { page, problems, close } = await openPage(browser, url());
    await waitForIslands(page);
    const speed = trainer(page).getByRole('slider', { name: /Speed/ });
    await speed.fill('50');
    await trainer(page).getByRole('button', { name: 'Play' }).click();
    // At 50 iterations a frame this is ten frames' work; the generous wait only guards a loaded machine.
    await expect.poll(() => iterations(page), { timeout: 30_000 }).toBe(500);
    expect(await trainer(page).locator('progress').evaluate((p) => (p as HTMLProgressElement).value)).toBe(500);
    const steps = coreSteps({ kind: 'rprop' }, 500);
    const rprop = await shown(page, 'rprop');
    expect(rprop.iteration).toBe(500);
    expect({ wX: rprop.wX, wRec: rprop.wRec }).toEqual(steps[499].w);
    // The loss shown is the core's at those weights.
    expect(rprop.loss).toBe(steps[499].loss);
    expect(rprop.loss).toBe(datasetLoss(data, steps[499].w, 'final'));
    expect(Math.hypot(rprop.wX - 1, rprop.wRec - 1)).toBeLessThanOrEqual(0.01);
    // The page says when Rprop first came within 0.01, with the iteration train() gives.
    const first = steps.findIndex((s) => Math.hypot(s.w.wX - 1, s.w.wRec - 1) <= 0.01) + 1;
    await expect.poll(() => trainer(page).locator('.trainer-messages').textContent()).toContain(`Rprop reached (w_x, w_rec) = (`);
    expect(await trainer(page).locator('.trainer-messages').textContent()).toContain(`after ${first} iterations, within 0.01 of the optimum`);
    // Gradient descent and momentum were thrown off at their first update, and said so in words.
    const gd = await shown(page, 'gd');
    expect(gd.iteration).toBe(1);
    expect({ wX: gd.wX, wRec: gd.wRec }).toEqual(coreSteps({ kind: 'gd' }, 1)[0].w);
    const text = await trainer(page).textContent();
    expect(text).toContain('Gradient descent stopped after 1 iteration');
    expect(text).toContain('Momentum stopped after 1 iteration');
    expect(text).not.toContain('NaN');
    expect(problems).toEqual([]);
    await close();
  });

  it('Step advances each optimizer by one iteration, to the core first update', async () => {
    const { page, problems, close } = await openPage(browser, url());
    await waitForIslands(page);
    const before = await shown(page, 'rprop');
    expect(before).toEqual({ iteration: 0, wX: -1.5, wRec: 2, loss: coreSteps({ kind: 'rprop' }, 1)[0].lossFrom });
    await trainer(page).getByRole('button', { name: 'Step' }).click();
    await expect.poll(() => iterations(page)).toBe(1);
    for (const [optimizer, config] of [
      ['gd', { kind: 'gd' }],
      ['momentum', { kind: 'momentum' }],
      ['rprop', { kind: 'rprop' }],
      ['adam', { kind: 'adam' }],
    ] as const) {
      const after = await shown(page, optimizer);
      const [first] = coreSteps(config, 1);
      expect(after.iteration).toBe(1);
      expect({ wX: after.wX, wRec: after.wRec }).toEqual(first.w);
      if (optimizer === 'rprop') expect(after.loss).toBe(first.loss);
    }
    await trainer(page).getByRole('button', { name: 'Step' }).click();
    await expect.poll(() => shown(page, 'rprop')).toMatchObject({ iteration: 2, ...coreSteps({ kind: 'rprop' }, 2)[1].w });
    expect(problems).toEqual([]);
    await close();
  });

  it('every row shows beside its weights the core\'s loss at those weights, paused part-way and at the end', async () => {
    const { page, problems, close } = await openPage(browser, url());
    await waitForIslands(page);
    const expectRowsConsistent = async () => {
      let rows = 0;
      for (const optimizer of ['gd', 'momentum', 'rprop', 'adam'] as const) {
        const row = await shown(page, optimizer);
        // a racer that was thrown off shows no loss
        if (row.loss === undefined) continue;
        expect(row.loss, optimizer).toBe(datasetLoss(data, { wX: row.wX, wRec: row.wRec }, 'final'));
        rows++;
      }
      return rows;
    };
    expect(await expectRowsConsistent()).toBe(4);
    for (let i = 0; i < 3; i++) await trainer(page).getByRole('button', { name: 'Step' }).click();
    await expect.poll(() => iterations(page)).toBe(3);
    expect(await expectRowsConsistent()).toBeGreaterThanOrEqual(2);
    await trainer(page).getByRole('slider', { name: /Speed/ }).fill('50');
    await trainer(page).getByRole('button', { name: 'Play' }).click();
    await expect.poll(() => iterations(page), { timeout: 30_000 }).toBe(500);
    expect(await expectRowsConsistent()).toBeGreaterThanOrEqual(2);
    expect(problems).toEqual([]);
    await close();
  });

  it('with reduced motion asked for, says so, does not start by itself, and Step still works', async () => {
    const { page, problems, close } = await openPage(browser, url(), { reducedMotion: 'reduce' });
    await waitForIslands(page);
    await trainer(page).scrollIntoViewIfNeeded();
    await expect.poll(() => trainer(page).textContent()).toContain('Your system asks for reduced motion');
    // nothing moves on its own: still at iteration 0 a second later
    await page.waitForTimeout(1000);
    expect(await iterations(page)).toBe(0);
    await trainer(page).getByRole('button', { name: 'Step' }).click();
    await expect.poll(() => iterations(page)).toBe(1);
    expect(await shown(page, 'rprop')).toMatchObject({ iteration: 1, ...coreSteps({ kind: 'rprop' }, 1)[0].w });
    expect(problems).toEqual([]);
    await close();
  });

  it('without reduced motion, shows no such message and also waits for Play', async () => {
    const { page, problems, close } = await openPage(browser, url(), { reducedMotion: 'no-preference' });
    await waitForIslands(page);
    await trainer(page).scrollIntoViewIfNeeded();
    await page.waitForTimeout(1000);
    expect(await iterations(page)).toBe(0);
    expect(await trainer(page).textContent()).not.toContain('reduced motion');
    expect(problems).toEqual([]);
    await close();
  });

  it('Pause stops playing part-way and Reset goes back to the start', async () => {
    const { page, problems, close } = await openPage(browser, url());
    await waitForIslands(page);
    await trainer(page).getByRole('slider', { name: /Speed/ }).fill('1');
    await trainer(page).getByRole('button', { name: 'Play' }).click();
    await expect.poll(() => iterations(page)).toBeGreaterThan(3);
    await trainer(page).getByRole('button', { name: 'Pause' }).click();
    const paused = await iterations(page);
    expect(paused).toBeLessThan(500);
    await page.waitForTimeout(300);
    expect(await iterations(page)).toBe(paused);
    const rprop = await shown(page, 'rprop');
    expect({ wX: rprop.wX, wRec: rprop.wRec }).toEqual(coreSteps({ kind: 'rprop' }, paused)[paused - 1].w);
    await trainer(page).getByRole('button', { name: 'Reset' }).click();
    await expect.poll(() => iterations(page)).toBe(0);
    expect(await shown(page, 'rprop')).toMatchObject({ iteration: 0, wX: -1.5, wRec: 2 });
    expect(await shown(page, 'gd')).toMatchObject({ iteration: 0, wX: -1.5, wRec: 2 });
    expect(problems).toEqual([]);
    await close();
  });

  it('editing a setting writes it to the URL and restarts the race with it; a bad value gets a message', async () => {
    const { page, problems, close } = await openPage(browser, url());
    await waitForIslands(page);
    const lr = trainer(page).getByRole('textbox', { name: /learning rate η/ }).first();
    await lr.fill('0.000001');
    await expect.poll(() => new URL(page.url()).searchParams.get('lr')).toBe('0.000001');
    await trainer(page).getByRole('button', { name: 'Step' }).click();
    await expect.poll(() => shown(page, 'gd')).toMatchObject({ iteration: 1, ...coreSteps({ kind: 'gd', learningRate: 0.000001 }, 1)[0].w });
    const etaPlus = trainer(page).getByRole('textbox', { name: /growth η⁺/ });
    await etaPlus.fill('1.5');
    await expect.poll(() => new URL(page.url()).searchParams.get('etaPlus')).toBe('1.5');
    await etaPlus.fill('5');
    await expect.poll(() => trainer(page).locator('.message.error').textContent()).toContain('between 1.01 and 3');
    await expect.poll(() => trainer(page).locator('.message.error').textContent()).toContain('Still using η⁺ = 1.5');
    expect(new URL(page.url()).searchParams.get('etaPlus')).toBe('1.5');
    await trainer(page).getByRole('button', { name: 'Step' }).click();
    expect((await shown(page, 'rprop')).iteration).toBe(1);
    expect(problems).toEqual([]);
    await close();
  });

  it('reads its settings from the URL and reports an optimizer thrown off later in the run', async () => {
    // From (−1.5, 0.5) with η = 0.001, momentum's velocity carries it onto the cliff a few hundred iterations in.
    const { page, problems, close } = await openPage(browser, url('?startWX=-1.5&startWRec=0.5&mLr=0.001'));
    await waitForIslands(page);
    await trainer(page).getByRole('slider', { name: /Speed/ }).fill('50');
    await trainer(page).getByRole('button', { name: 'Play' }).click();
    await expect.poll(() => iterations(page), { timeout: 10_000 }).toBe(500);
    const updates = train(data, { wX: -1.5, wRec: 0.5 }, { kind: 'momentum', learningRate: 0.001 }, { objective: 'final' });
    let thrown = 0;
    for (let i = 1; i <= 500 && thrown === 0; i++) {
      const { w } = updates.next().value;
      if (!(Math.abs(w.wX) <= 100 && Math.abs(w.wRec) <= 100)) thrown = i;
    }
    expect(thrown).toBeGreaterThan(1);
    expect((await shown(page, 'momentum')).iteration).toBe(thrown);
    expect(await trainer(page).textContent()).toContain(`Momentum stopped after ${thrown} iterations`);
    expect(problems).toEqual([]);
    await close();
  });
});
