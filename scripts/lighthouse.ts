/**
 * `npm run lighthouse`: Lighthouse (mobile preset, simulated throttling) on every page of a built site, served
 * with gzip as a static host would, against the page budgets:
 *
 *   performance ≥ 0.98, accessibility, best practices and SEO 1.0, TBT ≤ 100 ms, CLS ≤ 0.01, LCP no later than the
 *   peer's LCP measured in the same run; each the median of RUNS runs (scripts/lighthouse-runs.ts).
 *
 * The peer is a plain documentation site holding comparable text with KaTeX (PEER_DIR: its built directory,
 * measured at its own root page). Without PEER_DIR the LCP budget is reported as not checked and the run fails,
 * since that budget is relative.
 *
 * Environment: DIST_DIR (default dist), SITE_BASE (the base the build was made for, default /), PEER_DIR,
 * RUNS (default 3), REPORT_DIR (write each run's Lighthouse JSON report there), PAGES (comma-separated paths such as `the-model/,training/` to measure only those),
 * CHROME_PATH or CHROMIUM_PATH (default: the first system Chromium found). Exits 1 when a page misses a budget.
 *
 * Lighthouse scores move from run to run, so this is a command to run, not part of `npm test`.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS, findChromium } from '../test/support/chromium.ts';
import { builtPages, pagePath } from '../test/support/site-pages.ts';
import { declaredPolicy } from '../test/support/serve.ts';
import { formatLcpPath, lcpPath, type LcpPath } from './lcp-path.ts';
import { summarizeRuns, type RunFigures } from './lighthouse-runs.ts';

/** The budgets every page must meet. */
export const BUDGETS = {
  performance: 0.98,
  accessibility: 1,
  'best-practices': 1,
  seo: 1,
  totalBlockingTimeMs: 100,
  cumulativeLayoutShift: 0.01,
} as const;

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
type Category = (typeof CATEGORIES)[number];

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
};
/** Types a host compresses on the fly (fonts, images and Pagefind's own compressed files are sent as they are). */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.xml', '.txt']);

interface Served {
  root: string;
  close(): Promise<void>;
}

/** Serves `dir` at `base` on 127.0.0.1 with gzip for text, the page's own CSP as a header, and the 404 page for misses. */
async function serveGzip(dir: string, base: string): Promise<Served> {
  const cache = new Map<string, { body: Buffer; type: string; policy?: string }>();
  const lookup = (pathname: string): string | undefined => {
    const candidates = [pathname, `${pathname}.html`, join(pathname, 'index.html')];
    for (const candidate of candidates) {
      const file = normalize(join(dir, candidate));
      if (!file.startsWith(dir)) return undefined;
      if (existsSync(file) && statSync(file).isFile()) return file;
    }
    return undefined;
  };
  const load = (file: string) => {
    let entry = cache.get(file);
    if (!entry) {
      const ext = extname(file);
      const raw = readFileSync(file);
      const body = COMPRESSIBLE.has(ext) ? gzipSync(raw, { level: 9 }) : raw;
      entry = { body, type: TYPES[ext] ?? 'application/octet-stream', policy: ext === '.html' ? declaredPolicy(raw.toString('utf8')) : undefined };
      cache.set(file, entry);
    }
    return entry;
  };
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    let status = 200;
    let file = url.pathname.startsWith(base) ? lookup(decodeURIComponent(url.pathname.slice(base.length - 1))) : undefined;
    if (!file) {
      status = 404;
      file = lookup('/404.html');
    }
    if (!file) {
      response.writeHead(404).end('not found');
      return;
    }
    const { body, type, policy } = load(file);
    const headers: Record<string, string> = { 'content-type': type, 'cache-control': 'public, max-age=600' };
    if (COMPRESSIBLE.has(extname(file))) headers['content-encoding'] = 'gzip';
    if (policy) headers['content-security-policy'] = policy;
    response.writeHead(status, headers).end(body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { root: `http://127.0.0.1:${port}${base}`, close: () => new Promise<void>((done) => server.close(() => done())) };
}

/** One Lighthouse run's figures. */
interface Run extends RunFigures {
  scores: Record<Category, number>;
  /** Transfer size in bytes by resource type (document, script, stylesheet, font, image, other, total). */
  transfer: Record<string, number>;
  /** The requests the simulation counted against LCP (those that finished before the observed largest paint). */
  lcpPath?: LcpPath;
}

async function measure(url: string, port: number, report?: string): Promise<Run> {
  const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { lhr } = result;
  if (report) writeFileSync(report, JSON.stringify(lhr));
  if (lhr.runtimeError) throw new Error(`Lighthouse could not load ${url}: ${lhr.runtimeError.message}`);
  const numeric = (id: string) => {
    const value = lhr.audits[id]?.numericValue;
    if (typeof value !== 'number') throw new Error(`Lighthouse gave no ${id} for ${url}`);
    return value;
  };
  const scores = Object.fromEntries(CATEGORIES.map((c) => [c, lhr.categories[c]?.score ?? 0])) as Record<Category, number>;
  const transfer: Record<string, number> = {};
  const items = (lhr.audits['resource-summary']?.details as { items?: { resourceType: string; transferSize: number }[] } | undefined)?.items ?? [];
  for (const { resourceType, transferSize } of items) transfer[resourceType] = transferSize;
  return {
    scores,
    fcp: numeric('first-contentful-paint'),
    lcp: numeric('largest-contentful-paint'),
    tbt: numeric('total-blocking-time'),
    cls: numeric('cumulative-layout-shift'),
    transfer,
    lcpPath: lcpPath(lhr),
  };
}

const kb = (bytes: number | undefined) => (bytes === undefined ? '–' : `${(bytes / 1024).toFixed(1)}`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function main(): Promise<number> {
  const dist = resolve(process.env.DIST_DIR ?? 'dist');
  const base = (process.env.SITE_BASE ?? '/').replace(/\/?$/, '/');
  const runs = Number(process.env.RUNS ?? 3);
  const chromePath = process.env.CHROME_PATH ?? findChromium();
  if (!existsSync(join(dist, 'index.html'))) {
    console.error(`No built site in ${dist}: run \`npm run build\` first (or set DIST_DIR).`);
    return 2;
  }
  if (!chromePath) {
    console.error('No Chromium found: install one (e.g. apt-get install chromium) or set CHROME_PATH.');
    return 2;
  }
  if (!Number.isInteger(runs) || runs < 1 || runs > 15) {
    console.error(`RUNS must be a whole number from 1 to 15, got ${process.env.RUNS}`);
    return 2;
  }
  const only = process.env.PAGES?.split(',').map((p) => p.trim().replace(/^\//, ''));
  const pages = builtPages(dist)
    .map(pagePath)
    .filter((path) => !only || only.includes(path) || only.includes(path.replace(/\/$/, '')));
  if (pages.length === 0) {
    console.error(`No page of ${dist} matches PAGES=${process.env.PAGES}`);
    return 2;
  }

  const site = await serveGzip(dist, base);
  const peerDir = process.env.PEER_DIR ? resolve(process.env.PEER_DIR) : undefined;
  const peer = peerDir ? await serveGzip(peerDir, '/') : undefined;
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: CHROMIUM_ARGS });
  const results: { page: string; runs: Run[] }[] = [];
  try {
    const targets: { page: string; url: string }[] = [];
    if (peer) targets.push({ page: 'peer', url: peer.root });
    for (const page of pages) targets.push({ page: `/${page}`, url: `${site.root}${page}` });
    for (const { page, url } of targets) {
      const measured: Run[] = [];
      const reportDir = process.env.REPORT_DIR;
      if (reportDir) mkdirSync(reportDir, { recursive: true });
      const slug = page === '/' ? 'index' : page.replace(/^\/|\/$/g, '').replaceAll('/', '-');
      for (let i = 0; i < runs; i++) {
        measured.push(await measure(url, chrome.port, reportDir && join(reportDir, `${slug}-${i + 1}.json`)));
      }
      results.push({ page, runs: measured });
      const m = summarizeRuns(measured);
      console.error(`measured ${page}: performance ${measured.map((r) => r.scores.performance.toFixed(3)).join(', ')}; LCP ${seconds(m.lcp)}`);
    }
  } finally {
    await chrome.kill();
    await site.close();
    await peer?.close();
  }

  const peerRun = results.find((r) => r.page === 'peer');
  const peerLcp = peerRun ? summarizeRuns(peerRun.runs).lcp : undefined;
  const header = ['page', 'perf (raw, median)', 'a11y', 'bp', 'seo', 'FCP', 'LCP (each run)', 'before LCP', 'TBT', 'CLS', 'KB total', 'html', 'js', 'css', 'font', 'img', 'other', 'budget'];
  const rows: string[][] = [];
  let failed = 0;
  for (const { page, runs: measured } of results) {
    const m = summarizeRuns(measured);
    const misses: string[] = [];
    if (page !== 'peer') {
      if (m.scores.performance < BUDGETS.performance) misses.push(`performance ${m.scores.performance.toFixed(3)} < ${BUDGETS.performance}`);
      for (const c of ['accessibility', 'best-practices', 'seo'] as const) if (m.scores[c] < BUDGETS[c]) misses.push(`${c} ${m.scores[c]}`);
      if (m.tbt > BUDGETS.totalBlockingTimeMs) misses.push(`TBT ${Math.round(m.tbt)} ms > ${BUDGETS.totalBlockingTimeMs} ms`);
      if (m.cls > BUDGETS.cumulativeLayoutShift) misses.push(`CLS ${m.cls.toFixed(3)} > ${BUDGETS.cumulativeLayoutShift}`);
      if (peerLcp === undefined) misses.push('LCP not compared: no PEER_DIR');
      else if (m.lcp > peerLcp) misses.push(`LCP ${seconds(m.lcp)} later than the peer's ${seconds(peerLcp)}`);
      if (misses.length > 0) failed += 1;
    }
    const t = m.lcpRun.transfer;
    rows.push([
      page,
      `${m.scores.performance.toFixed(3)} (${measured.map((r) => r.scores.performance.toFixed(2)).join('/')})`,
      m.scores.accessibility.toFixed(2),
      m.scores['best-practices'].toFixed(2),
      m.scores.seo.toFixed(2),
      seconds(m.fcp),
      measured.length > 1 ? `${seconds(m.lcp)} (${measured.map((r) => (r.lcp / 1000).toFixed(2)).join('/')})` : seconds(m.lcp),
      formatLcpPath(m.lcpRun.lcpPath),
      `${Math.round(m.tbt)} ms`,
      m.cls.toFixed(3),
      kb(t.total),
      kb(t.document),
      kb(t.script),
      kb(t.stylesheet),
      kb(t.font),
      kb(t.image),
      kb(t.other),
      page === 'peer' ? 'reference' : misses.length === 0 ? 'met' : `MISSED: ${misses.join('; ')}`,
    ]);
  }
  console.log(
    `Lighthouse ${runs > 1 ? `${runs} runs per page, each score and metric the median of its runs` : '1 run per page'}, mobile preset, simulated throttling; ` +
      'sizes are KB transferred (gzip).',
  );
  console.log(`| ${header.join(' | ')} |`);
  console.log(`|${header.map(() => '---').join('|')}|`);
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
  console.log(
    '"before LCP": in the run with the median LCP, the requests that finished before the largest paint of the fast local load, ' +
      "which the simulation puts on LCP's path, and the fonts among them.",
  );
  console.log(failed === 0 ? `All ${pages.length} pages met their budgets.` : `${failed} of ${pages.length} pages missed a budget.`);
  return failed === 0 ? 0 : 1;
}

process.exitCode = await main();
