import { describe, expect, it } from 'vitest';
import { adamStep, createAdam } from '~/core/lm/adam';
import { clipGradients, gradientNorm } from '~/core/lm/clip';
import { zeroParams, zeroWeights } from '~/core/lm/params';
import { relErr } from './fixtures';

describe('adamStep', () => {
  it('adamStep: two steps match Algorithm 1 of Kingma & Ba written out by hand', () => {
    const p = zeroParams(1, 2, 'identity');
    p.wRec[0] = 1;
    const g = zeroWeights(1, 2);
    const adam = createAdam(1, 2, { learningRate: 0.1 });
    // step 1, g = 2: m = 0.2, v = 0.004, m̂ = 2, v̂ = 4, θ = 1 − 0.1 · 2 / (2 + 1e-8)
    g.wRec[0] = 2;
    adamStep(p, g, adam);
    const theta1 = 1 - (0.1 * 2) / (2 + 1e-8);
    expect(relErr(p.wRec[0], theta1)).toBeLessThanOrEqual(1e-15);
    // step 2, g = −1: m = 0.18 − 0.1 = 0.08, v = 0.003996 + 0.001 = 0.004996,
    // m̂ = 0.08 / 0.19, v̂ = 0.004996 / (1 − 0.999²)
    g.wRec[0] = -1;
    adamStep(p, g, adam);
    const mHat = (0.9 * 0.2 + 0.1 * -1) / (1 - 0.9 ** 2);
    const vHat = (0.999 * 0.004 + 0.001 * 1) / (1 - 0.999 ** 2);
    expect(relErr(p.wRec[0], theta1 - (0.1 * mHat) / (Math.sqrt(vHat) + 1e-8))).toBeLessThanOrEqual(1e-14);
    // parameters with zero gradient do not move
    expect(Array.from(p.wX)).toEqual([0, 0]);
  });

  it.each([
    // zero step size
    [{ learningRate: 0 }, /learningRate must be a finite number > 0/],
    // β1 = 1 would never forget
    [{ beta1: 1 }, /beta1 must be in \[0, 1\), got 1/],
    // negative β2
    [{ beta2: -0.1 }, /beta2 must be in \[0, 1\)/],
    // ε = 0 divides by zero when v = 0
    [{ epsilon: 0 }, /epsilon must be a finite number > 0/],
  ])('createAdam(1, 2, %j) throws a RangeError', (options, message) => {
    expect(() => createAdam(1, 2, options)).toThrow(message);
  });
});

describe('clipGradients', () => {
  it('clipGradients scales the global norm (over all five arrays) down to maxNorm and returns the norm before', () => {
    const g = zeroWeights(1, 2);
    g.wRec[0] = 3; // 3² + 4² + 12² = 13²
    g.wX[1] = 4;
    g.bY[0] = 12;
    expect(clipGradients(g, 6.5)).toBe(13);
    expect(Array.from(g.wRec)).toEqual([1.5]);
    expect(Array.from(g.wX)).toEqual([0, 2]);
    expect(Array.from(g.bY)).toEqual([6, 0]);
    expect(relErr(gradientNorm(g), 6.5)).toBeLessThanOrEqual(1e-15);
    // below the threshold nothing changes
    expect(clipGradients(g, 100)).toBe(gradientNorm(g));
    expect(Array.from(g.bY)).toEqual([6, 0]);
  });

  it('clipGradients(g, 0) throws a RangeError', () => {
    expect(() => clipGradients(zeroWeights(1, 2), 0)).toThrow(/maxNorm must be a finite number > 0, got 0/);
  });
});
