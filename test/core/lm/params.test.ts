import { describe, expect, it } from 'vitest';
import { cloneParams, initParams, zeroParams } from '~/core/lm/params';

describe('initParams', () => {
  it('initParams(H, V, { seed }) is the same bit for bit for the same seed and differs for another', () => {
    const a = initParams(4, 7, { seed: 3 });
    const b = initParams(4, 7, { seed: 3 });
    const c = initParams(4, 7, { seed: 4 });
    expect(Buffer.from(a.wY.buffer).equals(Buffer.from(b.wY.buffer))).toBe(true);
    expect(Buffer.from(a.wRec.buffer).equals(Buffer.from(c.wRec.buffer))).toBe(false);
    expect(Array.from(a.b)).toEqual([0, 0, 0, 0]);
    expect([a.wRec.length, a.wX.length, a.b.length, a.wY.length, a.bY.length]).toEqual([16, 28, 4, 28, 7]);
  });

  it('initParams draws entries with standard deviation about 1/sqrt(H) (H = 64, V = 200: within 5 %)', () => {
    const p = initParams(64, 200, { seed: 9 });
    const all = [...p.wRec, ...p.wX, ...p.wY];
    const sd = Math.sqrt(all.reduce((acc, w) => acc + w * w, 0) / all.length);
    expect(Math.abs(sd * Math.sqrt(64) - 1)).toBeLessThanOrEqual(0.05);
  });

  it('cloneParams copies the arrays', () => {
    const a = initParams(2, 3);
    const b = cloneParams(a);
    b.wRec[0] += 1;
    expect(b.wRec[0]).not.toBe(a.wRec[0]);
    expect(Array.from(b.wY)).toEqual(Array.from(a.wY));
  });

  it.each([
    // no hidden unit
    [0, 5, /H \(hidden size\) must be an integer from 1 to 256, got 0/],
    // too many hidden units
    [257, 5, /H \(hidden size\) must be an integer from 1 to 256, got 257/],
    // fractional size
    [2.5, 5, /H \(hidden size\) must be an integer from 1 to 256, got 2.5/],
    // a one-word vocabulary has nothing to predict
    [3, 1, /V \(vocabulary size\) must be an integer from 2 to 4096, got 1/],
    // a vocabulary too large
    [3, 5000, /V \(vocabulary size\) must be an integer from 2 to 4096, got 5000/],
  ])('initParams(%d, %d) throws a RangeError', (H, V, message) => {
    expect(() => initParams(H, V)).toThrow(RangeError);
    expect(() => initParams(H, V)).toThrow(message);
  });

  it('zeroParams refuses an unknown activation', () => {
    expect(() => zeroParams(2, 3, 'relu' as 'tanh')).toThrow('activation must be "tanh" or "identity", got "relu"');
  });
});
