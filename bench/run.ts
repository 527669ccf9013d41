// Benchmarks of the core (not tests): run with `npm run bench`. Prints a table of medians.
import { randomBernoulli, randomLcg } from 'd3-random';
import { backprop, countingDataset, datasetGradient, lossSurface, lossSurfaceDirect } from '../src/core/index.ts';
import { median } from './median.ts';

/**
 * The baseline: the least code that computes and stores what backprop returns for 'every-step'
 * (s, t, local, delta, gradWRec, gradWX and the sums) in one forward and one backward pass, no checks.
 */
function bareLoop(x: Float64Array, wRec: number, wX: number, into?: Float64Array[]) {
  const n = x.length;
  const [s, t, local, delta, gradWRec, gradWX] = into ?? Array.from({ length: 6 }, () => new Float64Array(n + 1));
  for (let k = 1; k <= n; k++) {
    s[k] = s[k - 1] * wRec + x[k - 1] * wX;
    t[k] = t[k - 1] + x[k - 1];
  }
  let E = 0;
  let dWRec = 0;
  let dWX = 0;
  let next = 0;
  for (let k = n; k >= 1; k--) {
    const e = s[k] - t[k];
    local[k] = e;
    E += 0.5 * e * e;
    const d = e + wRec * next;
    delta[k] = d;
    gradWRec[k] = d * s[k - 1];
    gradWX[k] = d * x[k - 1];
    dWRec += gradWRec[k];
    dWX += gradWX[k];
    next = d;
  }
  delta[0] = wRec * next;
  return { s, t, local, delta, gradWRec, gradWX, loss: E, dWRec, dWX };
}

const rows: Record<string, string | number>[] = [];
const fmt = (v: number, digits = 3) => Number(v.toPrecision(digits));

// 1. lossSurface 512 × 512 on countingDataset({ count: 20, length: 10, seed: 1 }). Each variant is timed
// with a fresh result array (2 MB, whose first touch costs page faults) and writing into a reused one.
{
  const data = countingDataset({ count: 20, length: 10, seed: 1 });
  const grid = { wX: [-3, 3, 512], wRec: [-3, 3, 512] } as const;
  const out = new Float64Array(512 * 512);
  for (const objective of ['final', 'every-step'] as const) {
    const fastMs = median(() => lossSurface(data, grid, objective), 41, 10);
    const fastReusedMs = median(() => lossSurface(data, grid, objective, { out }), 41, 10);
    const directMs = median(() => lossSurfaceDirect(data, grid, objective), 5, 1);
    const directReusedMs = median(() => lossSurfaceDirect(data, grid, objective, { out }), 5, 1);
    rows.push({
      benchmark: `lossSurface 512×512, '${objective}' (goal < 5 ms, ≥ 50× direct)`,
      'median ms': `${fmt(fastMs)} (reused out: ${fmt(fastReusedMs)})`,
      'steps/s': '',
      'vs bare loop': `direct ${fmt(directMs)} ms: ${fmt(directMs / fastMs)}× faster; reused out: direct ${fmt(directReusedMs)} ms, ${fmt(directReusedMs / fastReusedMs)}× faster`,
    });
  }
}

// 2. datasetGradient on 10^4 sequences × 100 steps
{
  const data = countingDataset({ count: 10_000, length: 100, seed: 1 });
  const w = { wRec: 0.9, wX: 1.1 };
  for (const objective of ['every-step', 'final'] as const) {
    const ms = median(() => datasetGradient(data, w, objective), 9);
    const perSequenceMs = median(() => {
      for (let i = 0; i < data.sequences.length; i++) backprop(data.sequences[i], w, objective, data.targets[i]);
    }, 5);
    rows.push({
      benchmark: `datasetGradient(10^4 × 100, '${objective}')`,
      'median ms': fmt(ms),
      'steps/s': fmt(1e6 / (ms / 1000)),
      'vs bare loop': `backprop per sequence: ${fmt(perSequenceMs)} ms (${fmt(perSequenceMs / ms)}× slower)`,
    });
  }
}

// 3. forward + backprop (last: its 10^7-step arrays would otherwise weigh on the garbage collector in the others) on one sequence of 10^7 steps
{
  const n = 10_000_000;
  const bit = randomBernoulli.source(randomLcg(1))(0.5);
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = bit();
  const w = { wRec: 0.9, wX: 1.1 };
  const check = backprop(x, w, 'every-step');
  const bare = bareLoop(x, w.wRec, w.wX);
  if (check.dWRec !== bare.dWRec || check.dWX !== bare.dWX) throw new Error('backprop and the bare loop disagree');
  // fresh arrays: each call allocates and first-touches 6 · 80 MB, as backprop does. The calls are
  // interleaved round by round so that both see the same machine load; medians over the rounds.
  const times: Record<string, number[]> = { bare: [], 'every-step': [], final: [] };
  const calls: Record<string, () => unknown> = {
    bare: () => bareLoop(x, w.wRec, w.wX),
    'every-step': () => backprop(x, w, 'every-step'),
    final: () => backprop(x, w, 'final'),
  };
  for (let round = -1; round < 5; round++) {
    for (const [name, call] of Object.entries(calls)) {
      const start = performance.now();
      call();
      if (round >= 0) times[name].push(performance.now() - start); // round −1 is the warm-up
    }
  }
  const mid = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
  const bareMs = mid(times.bare);
  // the same loops writing into arrays allocated and touched once: what the arithmetic alone costs
  const buffers = Array.from({ length: 6 }, () => new Float64Array(n + 1));
  const computeMs = median(() => bareLoop(x, w.wRec, w.wX, buffers), 5, 1);
  rows.push({
    benchmark: 'bare loop, n = 10^7 (fresh arrays | reused arrays)',
    'median ms': fmt(bareMs),
    'steps/s': fmt(n / (bareMs / 1000)),
    'vs bare loop': `1× | reused arrays: ${fmt(computeMs)} ms, ${fmt(n / (computeMs / 1000))} steps/s`,
  });
  for (const objective of ['every-step', 'final'] as const) {
    const ms = mid(times[objective]);
    const ratio = mid(times[objective].map((t, i) => t / times.bare[i]));
    rows.push({
      benchmark: `backprop(x, w, '${objective}'), n = 10^7`,
      'median ms': fmt(ms),
      'steps/s': fmt(n / (ms / 1000)),
      'vs bare loop': `${fmt(ratio)}× (median per-round ratio; goal ≤ 1.3×)`,
    });
  }
  const truncMs = median(() => backprop(x, w, 'every-step', undefined, { truncate: 20 }), 3, 1);
  rows.push({
    benchmark: "backprop(x, w, 'every-step', t, { truncate: 20 }), n = 10^7",
    'median ms': fmt(truncMs),
    'steps/s': fmt(n / (truncMs / 1000)),
    'vs bare loop': `${fmt(truncMs / bareMs)}×`,
  });
}

console.log(`Node ${process.version}, ${new Date().toISOString()}`);
console.table(rows);
