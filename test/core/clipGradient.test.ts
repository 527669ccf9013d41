import { describe, expect, it } from 'vitest';
import { clipGradient } from '~/core';

describe('clipGradient', () => {
  it('clipGradient(3, 4, 1) rescales the 3-4-5 gradient to (0.6, 0.8)', () => {
    const c = clipGradient(3, 4, 1);
    expect(c.norm).toBe(5);
    expect(c.clipped).toBe(true);
    expect(c.dWRec).toBeCloseTo(0.6, 15);
    expect(c.dWX).toBeCloseTo(0.8, 15);
  });

  it('clipGradient leaves a gradient within the norm unchanged', () => {
    expect(clipGradient(3, 4, 5)).toEqual({ dWRec: 3, dWX: 4, norm: 5, clipped: false });
  });

  it('clipGradient(−Infinity, 7, 2) keeps the overflowed direction: (−2, 0)', () => {
    expect(clipGradient(-Infinity, 7, 2)).toEqual({ dWRec: -2, dWX: 0, norm: Infinity, clipped: true });
  });
});
