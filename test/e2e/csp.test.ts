import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { builtPages, pagePath } from '../support/site-pages.ts';
import { lookAt, launchBrowser, openPage, waitForIslands } from '../support/browser.ts';
import { DIST_DIR } from './global-setup.ts';

/** Every page of the build, found by walking it. */
const pages = builtPages(DIST_DIR).map(pagePath);

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('under its own Content-Security-Policy, sent as a header and in the page', () => {
  it.each(pages)('/%s loads without a violation and hydrates every island', async (path) => {
    const { page, problems, close } = await openPage(browser, `${inject('siteRoot')}${path}`);
    // The server sends the page's policy as a header too: both copies are enforced.
    const [policy, header] = await page.evaluate(async () => [
      document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'),
      (await fetch(location.href)).headers.get('content-security-policy'),
    ]);
    expect(policy, 'the page declares a policy').toMatch(/^default-src 'self'; /);
    expect(header).toBe(policy);
    const islands = await page.locator('astro-island').count();
    await waitForIslands(page);
    expect(await page.locator('astro-island:not([ssr])').count(), 'hydrated islands').toBe(islands);
    await page.waitForLoadState('networkidle');
    expect(problems).toEqual([]);
    await close();
  });

  it('refuses inline code the policy does not list, and reports it', async () => {
    const { page, problems, close } = await openPage(browser, `${inject('siteRoot')}`);
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__ranInline = true';
      document.body.append(script);
    });
    await expect.poll(() => problems.join('\n')).toMatch(/Content-Security-Policy violation: script-src(-elem)? refused inline/);
    expect(await page.evaluate(() => (window as unknown as { __ranInline?: boolean }).__ranInline)).toBeUndefined();
    await close();
  });

  it.each([
    { root: 'siteRoot', where: 'the site at /' },
    { root: 'subSiteRoot', where: 'the site under /rnn/' },
  ] as const)('search runs Pagefind and finds "gradient" ($where)', async ({ root }) => {
    const { page, problems, close } = await openPage(browser, `${inject(root)}search/?q=gradient`);
    const results = page.locator('.pagefind-ui__result-link');
    await expect.poll(() => results.count()).toBeGreaterThan(0);
    await page.waitForLoadState('networkidle');
    expect(problems).toEqual([]);
    await close();
  });

  it('draws each next-word probability bar as long as its probability, before and after hydration', async () => {
    for (const javaScriptEnabled of [false, true]) {
      const { page, problems, close } = await openPage(browser, `${inject('siteRoot')}next-word/`, { javaScriptEnabled });
      if (javaScriptEnabled) await waitForIslands(page);
      await lookAt(page, 'next-word');
      const bars = await page.locator('[data-demo="next-word"] .next-word-bars li').evaluateAll((items) =>
        items.map((item) => ({
          probability: Number(item.querySelector<HTMLElement>('[data-quantity="probability"]')!.dataset.value),
          bar: item.querySelector('.next-word-bar')!.getBoundingClientRect().width,
          track: item.querySelector('.next-word-track')!.getBoundingClientRect().width,
        })),
      );
      expect(bars).toHaveLength(10);
      for (const { probability, bar, track } of bars) {
        // within a pixel of the track's width times the probability
        expect(Math.abs(bar - probability * track), `bar for p = ${probability}`).toBeLessThanOrEqual(1);
      }
      expect(bars[0]!.bar, 'the most probable word has a visible bar').toBeGreaterThan(10);
      expect(problems).toEqual([]);
      await close();
    }
  });
});
