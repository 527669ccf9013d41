import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from './chromium.ts';

/** Launches the system Chromium (no download), with `extraArgs` besides the usual flags; throws with a way forward when there is none. */
export async function launchBrowser(extraArgs: readonly string[] = []): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) {
    throw new Error('No Chromium or Chrome found: install one, or set CHROMIUM_PATH to its executable.');
  }
  return chromium.launch({ executablePath, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

/** A page plus everything that went wrong while it was open. */
export interface WatchedPage {
  page: Page;
  /**
   * Console errors, uncaught exceptions, failed requests, HTTP errors, requests to another origin and anything the
   * page's Content-Security-Policy refused.
   */
  problems: string[];
  close(): Promise<void>;
}

/**
 * Opens `url` in a fresh context and records every problem a reader could meet: console errors, page errors,
 * failed or 4xx/5xx requests, any request that leaves the page's own origin, and every Content-Security-Policy
 * violation. `watch` attaches more listeners (or init scripts, awaited) before the first request; `expectStatus` is the
 * status the document itself should answer with. Resolves once the page has loaded and draws every block it would.
 */
export async function openPage(
  browser: Browser,
  url: string,
  options: BrowserContextOptions & { expectStatus?: number; watch?: (page: Page) => unknown } = {},
): Promise<WatchedPage> {
  const { expectStatus = 200, watch, ...contextOptions } = options;
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...contextOptions });
  const page = await context.newPage();
  const origin = new URL(url).origin;
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`));
  page.on('request', (request) => {
    const target = request.url();
    if (!target.startsWith('data:') && !target.startsWith('blob:') && new URL(target).origin !== origin) {
      problems.push(`request off the site's origin: ${target}`);
    }
  });
  // Every refusal of the page's Content-Security-Policy, reported from the page (Chromium only logs them).
  await page.exposeFunction('__reportPolicyViolation', (report: string) => problems.push(`Content-Security-Policy violation: ${report}`));
  await page.addInitScript(() => {
    document.addEventListener(
      'securitypolicyviolation',
      (event) => {
        const where = event.sourceFile ? ` at ${event.sourceFile}:${event.lineNumber}` : '';
        const report = (window as unknown as { __reportPolicyViolation: (report: string) => void }).__reportPolicyViolation;
        report(`${event.effectiveDirective} refused ${event.blockedURI || 'inline code'}${where}${event.sample ? ` (${event.sample})` : ''}`);
      },
      true,
    );
  });
  page.on('response', (response) => {
    const status = response.status();
    const isDocument = response.url() === url;
    if (status >= 400 && !(isDocument && status === expectStatus)) problems.push(`HTTP ${status}: ${response.url()}`);
  });
  await watch?.(page);
  const response = await page.goto(url, { waitUntil: 'load' });
  if (response && response.status() !== expectStatus) problems.push(`HTTP ${response.status()} for the page ${url}`);
  // A phone draws the blocks below a chapter's opening once its first frame is on screen (first-frame.js), which can
  // be after the load event: a test that scrolled to one of them before then would scroll to a block not laid out.
  await page.waitForFunction(() => !('openingFirst' in document.documentElement.dataset), undefined, { timeout: 15_000 });
  return { page, problems, close: () => context.close() };
}

/** Brings each island into view in turn and waits until all have hydrated (Astro drops `ssr` when one has). */
export async function waitForIslands(page: Page): Promise<void> {
  for (;;) {
    // Find and scroll in one step: an island can hydrate between a count and a later lookup.
    const before = await page.evaluate(() => {
      const pending = document.querySelectorAll('astro-island[ssr]');
      // An island is `display: contents` and has no box of its own: scroll its first child into view.
      const first = pending[0];
      (first?.firstElementChild ?? first)?.scrollIntoView({ block: 'center' });
      return pending.length;
    });
    if (before === 0) break;
    await page.waitForFunction((count) => document.querySelectorAll('astro-island[ssr]').length < count, before, { timeout: 15_000 });
  }
  await page.evaluate(() => window.scrollTo(0, 0));
}

/**
 * Brings a cell on screen and waits until it shows the page's current state: a cell off screen holds still (its
 * frame carries `data-off-screen`) and catches up when it comes near the viewport, as it does for a reader.
 */
export async function lookAt(page: Page, demo: string): Promise<void> {
  const frame = page.locator(`[data-demo="${demo}"]`);
  await frame.scrollIntoViewIfNeeded();
  await page.waitForFunction((name) => !document.querySelector(`[data-demo="${name}"]`)?.hasAttribute('data-off-screen'), demo, { timeout: 15_000 });
}

/**
 * The numbers a demo shows for one `data-quantity`, read from their full-precision `data-value`, or, for a chart's
 * series, from the space-separated `data-values` of its group. The cell is brought on screen first ({@link lookAt}).
 */
export async function quantities(page: Page, demo: string, quantity: string): Promise<number[]> {
  await lookAt(page, demo);
  return page
    .locator(`[data-demo="${demo}"] [data-quantity="${quantity}"]`)
    .evaluateAll((nodes) =>
      nodes.flatMap((node) => {
        const { value, values } = (node as HTMLElement).dataset;
        if (values !== undefined) return values === '' ? [] : values.split(' ').map(Number);
        return [Number(value)];
      }),
    );
}

/**
 * The cells of a gradient-check table (`components/demos/GradientCheckTable.tsx`) that show `quantity` (`bptt`,
 * `numeric`, `rowRelativeError`), in order: the weight each names (its `data-<key>` hook), its flat index and the
 * number shown.
 */
export async function checkTableRows(page: Page, demo: string, quantity: string, key: string): Promise<{ name: string; index: number; value: number }[]> {
  await lookAt(page, demo);
  return page.locator(`[data-demo="${demo}"] [data-quantity="${quantity}"]`).evaluateAll(
    (nodes, key) =>
      nodes.map((node) => {
        const data = (node as HTMLElement).dataset;
        return { name: data[key] ?? '', index: Number(data.index), value: Number(data.value) };
      }),
    key,
  );
}
