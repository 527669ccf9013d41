// Interaction benchmark (not a test): run with `node --experimental-strip-types bench/interaction.ts` after
// `npm run build` (or point DIST_DIR at another build). In headless Chromium it drives every range slider of every
// page with 100 input events and times the main-thread work each one causes, then plays the trainer of the
// training chapter at its fastest speed and reports frames per second and main-thread time per frame, and drives the
// LSTM chapter's race sliders while its race runs in its worker (and reports each model's updates per second there).
import type { Page } from 'playwright-core';
import { launchBrowser, openPage, waitForIslands } from '../test/support/browser.ts';
import { builtPages, pagePath } from '../test/support/site-pages.ts';
import { serveSite } from '../test/support/serve.ts';

const DIST_DIR = process.env.DIST_DIR ?? 'dist';
const INPUTS = 100;
/** Inputs sent, and not timed, before the timed ones: compiling the update paths is a first drag's cost, not a drag's. */
const WARM_UP = 20;
/** Optional comma-separated page paths to measure (e.g. `BENCH_PAGES=training/`); all pages when unset. */
const ONLY = process.env.BENCH_PAGES?.split(',').filter(Boolean);
const LONG_TASK_MS = 50;
/** The goal for the 95th percentile of an input's update, in ms. */
const GOAL_MS = 8;

/** The p-th percentile (0..100) of sorted values, nearest rank. */
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

interface SliderTiming {
  cell: string;
  name: string;
  /** Per input: the script and DOM update it causes (event to next task). */
  update: number[];
  /** Per input: the rendering of the next frame (style, layout, paint). */
  render: number[];
  longTasks: number;
}

/**
 * For each range input of the page: after 20 untimed inputs, 100 times set a new value and dispatch 'input', then
 * time the work it causes in two parts: the update (the event's script, the re-render and its microtasks, up to the
 * next task) and the rendering of the next frame (from its animation-frame callbacks to the task after it: style,
 * layout, paint). Idle time waiting for the frame is not counted. Long tasks are counted over all 120 inputs.
 */
async function timeSliders(page: Page, within = ''): Promise<SliderTiming[]> {
  return page.evaluate(async ({ inputs, warmUp, longTaskMs, within }) => {
    const nextTask = () =>
      new Promise<number>((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now());
        channel.port2.postMessage(0);
      });
    const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now())));
    const sliders = Array.from(document.querySelectorAll<HTMLInputElement>(`${within} input[type="range"]`.trim()));
    const results = [];
    for (const slider of sliders) {
      slider.scrollIntoView({ block: 'center' });
      await nextFrame();
      await nextTask();
      const cell = slider.closest('[data-demo]')?.getAttribute('data-demo') ?? '(no cell)';
      const name = slider.getAttribute('aria-label') ?? slider.labels?.[0]?.textContent?.trim() ?? '(unnamed)';
      const min = Number(slider.min || 0);
      const max = Number(slider.max || 100);
      const step = Number(slider.step) || 1;
      const original = slider.value;
      let long = 0;
      const observer = new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) if (entry.duration > longTaskMs) long++;
      });
      observer.observe({ type: 'longtask' });
      const update: number[] = [];
      const render: number[] = [];
      for (let i = -warmUp; i < inputs; i++) {
        // sweep up and down across the range, on the slider's own steps
        const j = i + warmUp;
        const fraction = (j % 20) / 19;
        const raw = min + (max - min) * (Math.floor(j / 20) % 2 === 0 ? fraction : 1 - fraction);
        slider.value = String(min + Math.round((raw - min) / step) * step);
        const t0 = performance.now();
        slider.dispatchEvent(new Event('input', { bubbles: true }));
        const t1 = await nextTask();
        const frame = await nextFrame();
        const t2 = await nextTask();
        if (i < 0) continue;
        update.push(t1 - t0);
        render.push(t2 - frame);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
      observer.disconnect();
      slider.value = original;
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      results.push({ cell, name, update, render, longTasks: long });
    }
    return results;
  }, { inputs: INPUTS, warmUp: WARM_UP, longTaskMs: LONG_TASK_MS, within });
}

/** Plays the trainer at a speed until it stops; frames per second and mean main-thread time per frame (CDP metrics). */
async function timeTrainer(page: Page, speed: number) {
  const trainer = page.locator('[data-demo="trainer"]');
  await trainer.getByRole('button', { name: 'Reset' }).click();
  await trainer.getByRole('slider', { name: /Speed/ }).fill(String(speed));
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const metric = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return Object.fromEntries(metrics.map((m: { name: string; value: number }) => [m.name, m.value]));
  };
  const before = await metric();
  const frames = await page.evaluate(async () => {
    const stamps: number[] = [];
    const iterations = () => Number(document.querySelector<HTMLElement>('[data-demo="trainer"] [data-quantity="iterations"]')?.dataset.value);
    const play = Array.from(document.querySelectorAll<HTMLButtonElement>('[data-demo="trainer"] button')).find((b) => b.textContent === 'Play');
    play?.click();
    await new Promise<void>((resolve) => {
      const tick = (t: number) => {
        stamps.push(t);
        const playing = document.querySelector('[data-demo="trainer"] button[aria-pressed="true"]') !== null;
        if (stamps.length > 2 && !playing) resolve();
        else requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    return { stamps, iterations: iterations() };
  });
  const after = await metric();
  await cdp.detach();
  const count = frames.stamps.length - 1;
  const seconds = (frames.stamps[count] - frames.stamps[0]) / 1000;
  const taskMs = (after.TaskDuration - before.TaskDuration) * 1000;
  const scriptMs = (after.ScriptDuration - before.ScriptDuration) * 1000;
  return { speed, frames: count, iterations: frames.iterations, fps: count / seconds, taskPerFrame: taskMs / count, scriptPerFrame: scriptMs / count };
}

/** The goal for the 95th percentile of a slider input's update plus the next frame's rendering while the race runs, in ms. */
const RACE_GOAL_MS = 16;

/**
 * The LSTM chapter's race: for each lag T, starts a 5,000-update race in its worker, times the race cell's sliders
 * while it runs (update plus the next frame's rendering, goal p95 ≤ RACE_GOAL_MS), and reads each model's training
 * speed in the worker (updates per second, test evaluations excluded) as the cell shows it.
 */
async function timeRace() {
  console.log(`\nRace cell sliders while the race runs in its worker (goal: update + render p95 ≤ ${RACE_GOAL_MS} ms, no long task)`);
  console.log('    T  slider                           update p95  render p95  total p50  total p95   max  long  goal   RNN upd/s  LSTM upd/s  raced');
  for (const lag of [20, 100]) {
    const { page, close } = await openPage(browser, `${site.root}long-short-term-memory/?lag=${lag}&updates=5000`);
    await waitForIslands(page);
    const cell = page.locator('[data-demo="lstm-race"]');
    await cell.scrollIntoViewIfNeeded();
    await cell.getByRole('button', { name: 'Start the race' }).click();
    // the first report: the worker is up and racing
    await cell.locator('[data-quantity="updatesPerSecond"]').first().waitFor({ timeout: 60_000 });
    const timings = await timeSliders(page, '[data-demo="lstm-race"]');
    const read = async (model: string) => Number(await cell.locator(`[data-quantity="updatesPerSecond"][data-model="${model}"]`).getAttribute('data-value'));
    const [rnn, lstm] = [await read('rnn'), await read('lstm')];
    const raced = Number(await cell.locator('[data-quantity="update"]').getAttribute('data-value'));
    const running = (await cell.locator('.race-status').textContent())?.startsWith('Racing');
    for (const { name, update, render, longTasks } of timings) {
      const sorted = (v: number[]) => [...v].sort((a, b) => a - b);
      const total = sorted(update.map((u, i) => u + render[i]));
      const p95 = percentile(total, 95);
      console.log(
        `${String(lag).padStart(5)}  ${name.slice(0, 30).padEnd(30)} ${fmt(percentile(sorted(update), 95)).padStart(12)} ${fmt(percentile(sorted(render), 95)).padStart(11)} ` +
          `${fmt(percentile(total, 50)).padStart(10)} ${fmt(p95).padStart(10)} ${fmt(total.at(-1) ?? NaN)} ${String(longTasks).padStart(5)}  ` +
          `${(p95 <= RACE_GOAL_MS && longTasks === 0 ? 'met' : 'MISSED').padEnd(6)} ${fmt(rnn).padStart(10)} ${fmt(lstm).padStart(11)}  ${raced}${running ? '' : ' (race no longer running)'}`,
      );
    }
    await cell.getByRole('button', { name: 'Reset' }).click();
    await close();
  }
}

const site = await serveSite(DIST_DIR, '/');
const browser = await launchBrowser();
const fmt = (v: number) => (Number.isFinite(v) ? v.toFixed(2).padStart(7) : '      –');
try {
  console.log(
    `Slider input work (${WARM_UP} untimed, then ${INPUTS} timed input events per slider; goal: update p95 ≤ ${GOAL_MS} ms ` +
      `and no long task over ${LONG_TASK_MS} ms; the next frame's rendering is shown beside it)`,
  );
  console.log(`${''.padEnd(84)}  update (script, DOM)  render (style…paint)   total`);
  console.log(`${'page'.padEnd(34)} ${'cell'.padEnd(18)} ${'slider'.padEnd(30)}     p50     p95     p50     p95     p50     p95     max  long  goal`);
  for (const file of builtPages(DIST_DIR)) {
    if (file.startsWith('404') || file.startsWith('search') || file.startsWith('pagefind')) continue;
    const path = pagePath(file);
    if (ONLY && !ONLY.includes(path)) continue;
    const { page, close } = await openPage(browser, `${site.root}${path}`);
    await waitForIslands(page);
    if ((await page.locator('input[type="range"]').count()) > 0) {
      for (const { cell, name, update, render, longTasks } of await timeSliders(page)) {
        const sorted = (v: number[]) => [...v].sort((a, b) => a - b);
        const total = sorted(update.map((u, i) => u + render[i]));
        const u = sorted(update);
        const r = sorted(render);
        console.log(
          `${(path || '/').slice(0, 34).padEnd(34)} ${cell.slice(0, 18).padEnd(18)} ${name.slice(0, 30).padEnd(30)} ` +
            `${fmt(percentile(u, 50))} ${fmt(percentile(u, 95))} ${fmt(percentile(r, 50))} ${fmt(percentile(r, 95))} ` +
            `${fmt(percentile(total, 50))} ${fmt(percentile(total, 95))} ${fmt(total.at(-1) ?? NaN)} ${String(longTasks).padStart(5)}  ` +
            (percentile(u, 95) <= GOAL_MS && longTasks === 0 ? 'met' : 'MISSED'),
        );
      }
    }
    await close();
  }

  const { page, close } = await openPage(browser, `${site.root}training/`);
  await waitForIslands(page);
  await page.locator('[data-demo="trainer"]').scrollIntoViewIfNeeded();
  // one untimed run first, as for the sliders: the first run also compiles the training and drawing code
  await timeTrainer(page, 50);
  console.log('\nTrainer playing (every racer, 500 iterations; after one untimed run)');
  console.log(' speed  frames  iterations      fps  main thread ms/frame  script ms/frame');
  for (const speed of [50, 5]) {
    const r = await timeTrainer(page, speed);
    console.log(`${String(r.speed).padStart(6)} ${String(r.frames).padStart(7)} ${String(r.iterations).padStart(11)} ${fmt(r.fps)}  ${fmt(r.taskPerFrame).padStart(20)} ${fmt(r.scriptPerFrame).padStart(16)}`);
  }
  await close();

  await timeRace();
} finally {
  await browser.close();
  await site.close();
}
