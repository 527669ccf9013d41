// Interaction benchmark (not a test): run with `node --experimental-strip-types bench/interaction.ts` after
// `npm run build` (or point DIST_DIR at another build). In headless Chromium it drives every range slider of every
// page with 100 input events and times the main-thread work each one causes (its update, and its update plus the next
// frame's rendering, which must fit one 60 Hz frame), then plays the trainer of the
// training chapter at its fastest speed and reports frames per second and main-thread time per frame, and drives the
// LSTM chapter's race sliders while its race runs in its worker (and reports each model's updates per second there).
// Last, it loads every page at its largest state (every key of its notebook at the largest value the URL accepts),
// then presses each cell's sliders' keys and types into its text fields, and reports each cell's long tasks and its
// main-thread CPU time per input (the long tasks also count time the machine gave other processes; the CPU time does not).
// BENCH_SECTIONS=largest (comma-separated: sliders, trainer, race, largest) runs only the sections named.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser, openPage, waitForIslands } from '../test/support/browser.ts';
import { largestQuery } from '../test/support/largest-state.ts';
import { builtPageNotebook } from '../test/support/page-notebook.ts';
import { builtPages, pagePath } from '../test/support/site-pages.ts';
import { serveSite } from '../test/support/serve.ts';

const DIST_DIR = process.env.DIST_DIR ?? 'dist';
const INPUTS = 100;
/** Inputs sent, and not timed, before the timed ones: compiling the update paths is a first drag's cost, not a drag's. */
const WARM_UP = 20;
/** Optional comma-separated page paths to measure (e.g. `BENCH_PAGES=training/`); all pages when unset. */
const ONLY = process.env.BENCH_PAGES?.split(',').filter(Boolean);
/** Optional comma-separated sections to run (sliders, trainer, race, largest); all when unset. */
const SECTIONS = process.env.BENCH_SECTIONS?.split(',').filter(Boolean);
const runs = (section: string) => SECTIONS === undefined || SECTIONS.includes(section);
const LONG_TASK_MS = 50;
/** The goal for the 95th percentile of an input's update, in ms. */
const GOAL_MS = 8;
/** The goal for the 95th percentile of an input's update plus the next frame's rendering (one frame at 60 Hz), in ms. */
const FRAME_GOAL_MS = 16;

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

/** At the largest state: no long task may follow an input, and none over this many ms may come while the page loads. */
const LOAD_GOAL_MS = 200;

/** Slider keys pressed per slider at the largest state: small steps, a sweep across the range by tenths, and back. */
const SLIDER_KEYS = [...Array(3).fill('ArrowLeft'), ...Array(10).fill('PageDown'), ...Array(5).fill('PageUp'), ...Array(3).fill('ArrowRight')];

/** Records every long task of the page from its first script on, in `window.__longTasks` (start and duration, ms). */
function watchLongTasks() {
  const tasks: { start: number; duration: number }[] = [];
  (window as unknown as { __longTasks: typeof tasks }).__longTasks = tasks;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
}

/** Waits for the next frame and the task after it, so the work an input caused has run. */
const settle = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number>((resolve) =>
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve(performance.now());
          channel.port2.postMessage(0);
        }),
      ),
  );

/** The long tasks that started in [from, to) (page clock, ms): the longest and how many. */
async function longTasksBetween(page: Page, from: number, to: number) {
  // a long task is reported after it ends: give the observer a moment
  await page.waitForTimeout(60);
  const tasks = await page.evaluate(() => (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks);
  const within = tasks.filter((task) => task.start >= from && task.start < to);
  return { max: Math.max(0, ...within.map((task) => task.duration)), count: within.length };
}

/**
 * Every page at its largest state (each key of its notebook at the largest value its field accepts, see
 * largest-state.ts). Per cell: the long tasks while it comes on screen and hydrates (the page's own load counts for
 * the cells on screen when it loads), then those while its sliders get their keys (SLIDER_KEYS, one at a time, each
 * after the last one's frame) and while each text field is typed into (five keystrokes at the end of a sequence, or
 * a number retyped digit by digit) and pasted into (its whole value at once).
 */
async function timeLargestInputs() {
  console.log(`\nLargest input: each page with every key at its largest value; goal: no long task over ${LOAD_GOAL_MS} ms while loading, none over ${LONG_TASK_MS} ms after an input`);
  console.log('(cpu/input: main-thread CPU time per input, which other processes on the machine do not inflate as they do long tasks)');
  console.log(`${'page'.padEnd(34)} ${'cell'.padEnd(20)} load max  input max  long  cpu/input  worst input                     goal`);
  for (const file of builtPages(DIST_DIR)) {
    if (file.startsWith('404') || file.startsWith('search') || file.startsWith('pagefind')) continue;
    const path = pagePath(file);
    if (ONLY && !ONLY.includes(path)) continue;
    const notebook = builtPageNotebook(join(DIST_DIR, file));
    const query = notebook ? largestQuery(notebook) : '';
    const { page, close } = await openPage(browser, `${site.root}${path}${query}`, { watch: (p) => void p.addInitScript(watchLongTasks) });
    // the script is registered as the page opens, which may come too late for the first document: load it again
    if (!(await page.evaluate(() => '__longTasks' in window))) await page.reload({ waitUntil: 'load' });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const cpu = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m: { name: string }) => m.name === 'ThreadTime')!.value * 1000;
    await settle(page);
    const loaded = await settle(page);
    const atLoad = await longTasksBetween(page, 0, loaded);
    console.log(
      `${(path || '/').slice(0, 34).padEnd(34)} ${'(the page itself)'.padEnd(20)} ${fmt(atLoad.max).padStart(8)} ${''.padStart(10)} ${''.padStart(5)}  ${''.padStart(9)}  ${''.padEnd(30)}  ${atLoad.max <= LOAD_GOAL_MS ? 'met' : 'MISSED'}`,
    );
    const cells = await page.locator('[data-demo]').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-demo') as string));
    // the cells on screen when the page loads: its own long tasks count as theirs
    const onScreen = await page.locator('[data-demo]').evaluateAll((nodes) =>
      nodes.filter((node) => node.getBoundingClientRect().top < innerHeight).map((node) => node.getAttribute('data-demo') as string),
    );
    for (const cell of cells) {
      const frame = page.locator(`[data-demo="${cell}"]`);
      // on screen: it hydrates (or catches up with the page's state)
      const shown = await settle(page);
      await frame.evaluate((node) => node.scrollIntoView({ block: 'center' }));
      await page.waitForFunction((name) => {
        const node = document.querySelector(`[data-demo="${name}"]`);
        return node !== null && !node.closest('astro-island[ssr]') && !node.hasAttribute('data-off-screen');
      }, cell, { timeout: 60_000 });
      await settle(page);
      const ready = await settle(page);
      const load = await longTasksBetween(page, shown, ready);
      const loadMax = Math.max(load.max, onScreen.includes(cell) ? atLoad.max : 0);
      let inputMax = 0;
      let inputCount = 0;
      let worst = '–';
      let inputs = 0;
      const cpuBefore = await cpu();
      const record = async (name: string, from: number) => {
        const to = await settle(page);
        const { max, count } = await longTasksBetween(page, from, to);
        inputCount += count;
        if (max > inputMax) [inputMax, worst] = [max, name];
      };
      const sliders = frame.locator('input[type="range"]');
      for (let i = 0; i < (await sliders.count()); i++) {
        const slider = sliders.nth(i);
        if (await slider.isDisabled()) continue;
        const name = (await slider.getAttribute('aria-label')) ?? (await slider.evaluate((node) => (node as HTMLInputElement).labels?.[0]?.textContent?.trim() ?? 'slider'));
        await slider.focus();
        const from = await settle(page);
        for (const key of SLIDER_KEYS) {
          await slider.press(key);
          await settle(page);
        }
        inputs += SLIDER_KEYS.length;
        await record(`slider ${name}`, from);
      }
      const fields = frame.locator('input[type="text"]');
      for (let i = 0; i < (await fields.count()); i++) {
        const field = fields.nth(i);
        if (await field.isDisabled()) continue;
        const value = await field.inputValue();
        const sequence = /^[01]+$/.test(value) && value.length > 8;
        const name = `${sequence ? 'sequence' : 'field'} ${(await field.evaluate((node) => (node as HTMLInputElement).labels?.[0]?.textContent?.trim() ?? '')).slice(0, 20)}`;
        await field.focus();
        let from = await settle(page);
        if (sequence) {
          await field.press('End');
          for (let k = 0; k < 5; k++) {
            await field.press('Backspace');
            await settle(page);
          }
          for (const digit of value.slice(-5)) {
            await field.press(digit);
            await settle(page);
          }
        } else {
          await field.press('ControlOrMeta+a');
          for (const digit of value) {
            await field.press(digit === '.' ? 'Period' : digit);
            await settle(page);
          }
        }
        inputs += sequence ? 10 : value.length + 1;
        await record(`typing ${name}`, from);
        from = await settle(page);
        await field.fill('');
        await settle(page);
        await field.fill(value);
        inputs += 2;
        await record(`pasting ${name}`, from);
      }
      const cpuPerInput = inputs > 0 ? (await cpu() - cpuBefore) / inputs : NaN;
      console.log(
        `${(path || '/').slice(0, 34).padEnd(34)} ${cell.slice(0, 20).padEnd(20)} ${fmt(loadMax).padStart(8)} ${fmt(inputMax).padStart(10)} ${String(inputCount).padStart(5)}  ${fmt(cpuPerInput).padStart(9)}  ` +
          `${worst.slice(0, 30).padEnd(30)}  ${loadMax <= LOAD_GOAL_MS && inputCount === 0 ? 'met' : 'MISSED'}`,
      );
    }
    await close();
  }
}

const site = await serveSite(DIST_DIR, '/');
const browser = await launchBrowser();
const fmt = (v: number) => (Number.isFinite(v) ? v.toFixed(2).padStart(7) : '      –');
try {
  if (runs('sliders')) {
    console.log(
      `Slider input work (${WARM_UP} untimed, then ${INPUTS} timed input events per slider; goal: update p95 ≤ ${GOAL_MS} ms, ` +
        `update + the next frame's rendering p95 ≤ ${FRAME_GOAL_MS} ms, and no long task over ${LONG_TASK_MS} ms)`,
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
              (percentile(u, 95) <= GOAL_MS && percentile(total, 95) <= FRAME_GOAL_MS && longTasks === 0 ? 'met' : 'MISSED'),
          );
        }
      }
      await close();
    }
  }

  if (runs('trainer')) {
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
  }

  if (runs('race')) await timeRace();
  if (runs('largest')) await timeLargestInputs();
} finally {
  await browser.close();
  await site.close();
}
