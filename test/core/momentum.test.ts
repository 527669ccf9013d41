import { describe, expect, it } from 'vitest';
import { momentum } from '~/core';

describe('momentum', () => {
  it('momentum({ learningRate: 0.1, momentum: 0.5 }) accumulates velocity by hand', () => {
    // step 1: v = 0.5·0 − 0.1·2 = −0.2, w_rec = 1 − 0.2 = 0.8
    // step 2: v = 0.5·(−0.2) − 0.1·2 = −0.3, w_rec = 0.8 − 0.3 = 0.5
    const opt = momentum({ kind: 'momentum', learningRate: 0.1, momentum: 0.5 });
    const w1 = opt.step({ wRec: 1, wX: 0 }, 2, 0);
    expect(w1.wRec).toBeCloseTo(0.8, 15);
    const w2 = opt.step(w1, 2, 0);
    expect(w2.wRec).toBeCloseTo(0.5, 15);
    expect(w2.wX).toBe(0);
  });

  it('momentum with μ = 0 is gradient descent', () => {
    const opt = momentum({ kind: 'momentum', learningRate: 0.25, momentum: 0 });
    expect(opt.step({ wRec: 1, wX: 1 }, 1, -1)).toEqual({ wRec: 0.75, wX: 1.25 });
    expect(opt.step({ wRec: 1, wX: 1 }, 1, -1)).toEqual({ wRec: 0.75, wX: 1.25 });
  });
});
