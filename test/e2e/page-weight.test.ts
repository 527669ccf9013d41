import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { builtPages, pagePath } from '../support/site-pages.ts';
import { launchBrowser, openPage } from '../support/browser.ts';
import { DIST_DIR } from './global-setup.ts';

/** The font bytes a page fetches on its first load, without scrolling: KaTeX's fonts for all its math, laid out at once. */
const FONT_BUDGET_BYTES = 60 * 1024;

const pages = builtPages(DIST_DIR).map(pagePath);

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Sums the font bytes fetched so far. */
const sum = (fonts: Map<string, number>) => [...fonts.values()].reduce((total, size) => total + size, 0);

/** The fonts fetched, as "file KB" items. */
const list = (fonts: Map<string, number>) => [...fonts].map(([url, size]) => `${url.replace(/^.*\//, '')} ${(size / 1024).toFixed(1)}`).join(', ');

describe.each(pages)('page /%s', (path) => {
  it('fetches at most 60 KB of fonts, on load and for all its math, and draws every KaTeX glyph from a KaTeX font', async () => {
    const fonts = new Map<string, number>();
    const bodies: Promise<void>[] = [];
    const { page, problems, close } = await openPage(browser, `${inject('siteRoot')}${path}`, {
      watch: (page) =>
        page.on('response', (response) => {
          // WOFF2 is compressed already: its body is what a host transfers.
          if (response.request().resourceType() !== 'font') return;
          bodies.push(response.body().then((body) => void fonts.set(response.url(), body.length)));
        }),
    });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await page.waitForLoadState('networkidle');
    await Promise.all(bodies);
    const onLoad = sum(fonts);
    console.log(`Fonts on load /${path}: ${(onLoad / 1024).toFixed(1)} KB in ${fonts.size} files${fonts.size ? `: ${list(fonts)}` : ''}`);

    // Sections off screen are not laid out (content-visibility: auto) and fetch their fonts as the reader reaches
    // them: lay out everything, as reading to the end does, and count again.
    await page.evaluate(async () => {
      for (const element of document.querySelectorAll<HTMLElement>('body *')) {
        if (getComputedStyle(element).contentVisibility === 'auto') element.style.contentVisibility = 'visible';
      }
      await document.fonts.ready;
    });
    await page.waitForLoadState('networkidle');
    await Promise.all(bodies);
    const all = sum(fonts);
    console.log(`Fonts for all math /${path}: ${(all / 1024).toFixed(1)} KB in ${fonts.size} files${fonts.size ? `: ${list(fonts)}` : ''}`);
    expect.soft(onLoad, 'font bytes fetched on load').toBeLessThanOrEqual(FONT_BUDGET_BYTES);
    expect.soft(all, 'font bytes fetched for all the math').toBeLessThanOrEqual(FONT_BUDGET_BYTES);

    // The fonts are subsets: a glyph missing from one would be drawn from a system font, and a subset the browser
    // refused would fall back to the whole WOFF. Ask the renderer which fonts drew each distinct piece of KaTeX's text
    // (the same text in the same face once). KaTeX draws every glyph from its own fonts: a system font is a loss.
    expect([...fonts.keys()].filter((url) => !url.endsWith('.woff2')), 'fonts fetched other than WOFF2 subsets').toEqual([]);
    const probes = await page.evaluate(() => {
      const seen = new Map<string, string>();
      for (const element of document.querySelectorAll<HTMLElement>('body *')) {
        const text = [...element.childNodes].filter((node) => node.nodeType === Node.TEXT_NODE).map((node) => node.textContent).join('');
        if (text.trim() === '' && !text.includes('\u00a0')) continue;
        const { fontFamily, fontStyle, fontWeight } = getComputedStyle(element);
        if (!fontFamily.startsWith('KaTeX_') || !element.closest('.katex-html')) continue;
        const key = `${fontFamily} ${fontStyle} ${fontWeight}|${text}`;
        if (!seen.has(key)) {
          seen.set(key, text);
          element.dataset.fontProbe = '';
        }
      }
      return [...seen.values()];
    });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: '[data-font-probe]' });
    expect(nodeIds).toHaveLength(probes.length);
    const strays = new Set<string>();
    for (const [i, nodeId] of nodeIds.entries()) {
      const { fonts: used } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
      for (const font of used) if (!font.isCustomFont || !font.familyName.startsWith('KaTeX_')) strays.add(`${font.familyName}: "${probes[i]}"`);
    }
    expect([...strays], 'fonts other than KaTeX\'s that draw KaTeX\'s text').toEqual([]);
    expect.soft(problems).toEqual([]);
    await close();
  });
});
