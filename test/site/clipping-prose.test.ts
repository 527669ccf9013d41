import { describe, expect, it } from 'vitest';
import { countingDataset, datasetGradient, datasetLoss, train, type TrainStep } from '~/core';
import { formatComputed } from '~/site/computed.ts';
import { computedNumbers } from '../support/html.ts';

const DIST = process.env.DIST_DIR ?? 'dist';

/** The clipped run the prose describes, taken straight from the core: η = 0.01, θ = 1, final-step error, 500 updates. */
function clippedRun(): TrainStep[] {
  const steps: TrainStep[] = [];
  const start = { wX: -1.5, wRec: 2 };
  for (const step of train(countingDataset({}), start, { kind: 'gd', learningRate: 0.01 }, { objective: 'final', clipNorm: 1 })) {
    steps.push(step);
    if (step.iteration >= 500) break;
  }
  return steps;
}

describe("chapter 7's clipping paragraph, computed by the core as the page is built", () => {
  const shown = computedNumbers(`${DIST}/vanishing-and-exploding-gradients/index.html`);
  const get = (name: string) => {
    const entry = shown.get(name)?.[0];
    expect(entry, name).toBeDefined();
    return entry!;
  };
  const data = countingDataset({});

  it('states the weights after 500 clipped updates and the error AT those weights', () => {
    const steps = clippedRun();
    const last = steps[499];
    expect(get('clipIterations').value).toBe(500);
    expect(get('clipEndWX').value).toBe(last.w.wX);
    expect(get('clipEndWRec').value).toBe(last.w.wRec);
    // the error is the data-set loss at the weights stated, not at the weights the 500th update started from
    const at = datasetLoss(data, last.w, 'final');
    expect(get('clipEndLoss').value).toBe(at);
    expect(get('clipEndLoss').value).not.toBe(datasetLoss(data, last.from, 'final'));
    expect(get('clipEndLoss').text).toBe(formatComputed('clipEndLoss', at, { digits: 3 }));
    expect(get('clipStartLoss').value).toBe(datasetLoss(data, { wX: -1.5, wRec: 2 }, 'final'));
  });

  it('says why the walk is slow: the gradient there still exceeds θ, so every update was clipped to ηθ', () => {
    const steps = clippedRun();
    const g = datasetGradient(data, steps[499].w, 'final');
    expect(get('clipEndGradNorm').value).toBeCloseTo(Math.hypot(g.dWRec, g.dWX), 12);
    expect(get('clipEndGradNorm').value).toBeGreaterThan(1);
    expect(get('clipClippedCount').value).toBe(steps.filter((s) => s.clipped).length);
    expect(get('clipClippedCount').value).toBe(500);
    // each clipped update moved exactly ηθ = 0.01 (relative 1e-9)
    for (const s of steps) expect(Math.abs(Math.hypot(s.w.wX - s.from.wX, s.w.wRec - s.from.wRec) / 0.01 - 1)).toBeLessThan(1e-9);
  });

  it('states the start: the gradient norm there, the unclipped first step, and when the unclipped run overflows', () => {
    const g0 = datasetGradient(data, { wX: -1.5, wRec: 2 }, 'final');
    expect(get('clipStartGradNorm').value).toBe(Math.hypot(g0.dWRec, g0.dWX));
    expect(get('clipFirstStep').value).toBeCloseTo(0.01 * Math.hypot(g0.dWRec, g0.dWX), 6);
    const plain = train(data, { wX: -1.5, wRec: 2 }, { kind: 'gd', learningRate: 0.01 }, { objective: 'final' });
    let overflowAt = 0;
    for (let i = 1; overflowAt === 0 && i <= 500; i++) {
      const { w } = plain.next().value;
      if (!Number.isFinite(w.wX) || !Number.isFinite(w.wRec)) overflowAt = i;
    }
    expect(get('clipPlainOverflow').value).toBe(overflowAt);
  });
});
