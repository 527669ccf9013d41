import { describe, expect, it } from 'vitest';
import { GRADIENT_DESCENT_DEFAULTS, gradientDescent } from '~/core';

describe('gradientDescent', () => {
  it('gradientDescent({ learningRate: 0.1 }).step((1, 2), (3, −4)) = (0.7, 2.4) by hand', () => {
    // w_rec = 1 − 0.1·3 = 0.7;  w_x = 2 − 0.1·(−4) = 2.4
    const w = gradientDescent({ kind: 'gd', learningRate: 0.1 }).step({ wRec: 1, wX: 2 }, 3, -4);
    expect(w.wRec).toBeCloseTo(0.7, 15);
    expect(w.wX).toBeCloseTo(2.4, 15);
  });

  it('gradientDescent({ kind: "gd" }) uses the default learning rate', () => {
    const w = gradientDescent({ kind: 'gd' }).step({ wRec: 0, wX: 0 }, 1, 1);
    expect(w).toEqual({ wRec: -GRADIENT_DESCENT_DEFAULTS.learningRate, wX: -GRADIENT_DESCENT_DEFAULTS.learningRate });
  });
});
