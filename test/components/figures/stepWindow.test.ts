import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { stepWindow } from '@components/figures/stepWindow.ts';

describe('stepWindow(n, highlight, size, from)', () => {
  it.each([
    // the seed's 12 steps, step 3 in a window of 5: steps 1..5, s_0 hidden on the left
    [12, 3, 5, 0, { first: 1, last: 5, hiddenBefore: 1, hiddenAfter: 7 }],
    // the last step: the window slides to the right end
    [12, 12, 5, 0, { first: 8, last: 12, hiddenBefore: 8, hiddenAfter: 0 }],
    // the first step: the window slides to the left end
    [12, 0, 5, 0, { first: 0, last: 4, hiddenBefore: 0, hiddenAfter: 8 }],
    // fewer steps than the window: everything shown
    [2, 1, 5, 0, { first: 0, last: 2, hiddenBefore: 0, hiddenAfter: 0 }],
    // an even window puts the extra step after the highlight
    [10, 5, 4, 0, { first: 4, last: 7, hiddenBefore: 4, hiddenAfter: 3 }],
    // inputs start at 1: from = 1
    [12, 3, 24, 1, { first: 1, last: 12, hiddenBefore: 0, hiddenAfter: 0 }],
    // a highlight past n is clamped to n
    [12, 40, 3, 0, { first: 10, last: 12, hiddenBefore: 10, hiddenAfter: 0 }],
  ])('stepWindow(%i, %i, %i, %i) is %o', (n, highlight, size, from, expected) => {
    expect(stepWindow(n, highlight, size, from)).toEqual(expected);
  });

  it('stepWindow rejects a size below 1 and an n below from, naming the argument', () => {
    expect(() => stepWindow(5, 1, 0)).toThrow(/size must be/);
    expect(() => stepWindow(0, 1, 3, 1)).toThrow(/n must be/);
  });

  it('stepWindow always holds the (clamped) highlight, min(size, steps) steps, and accounts for every step', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: -5, max: 1010 }), fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 1 }), (n0, highlight, size, from) => {
        const n = Math.max(n0, from);
        const w = stepWindow(n, highlight, size, from);
        const k = Math.min(Math.max(highlight, from), n);
        expect(w.first).toBeLessThanOrEqual(k);
        expect(w.last).toBeGreaterThanOrEqual(k);
        expect(w.last - w.first + 1).toBe(Math.min(size, n - from + 1));
        expect(w.hiddenBefore + (w.last - w.first + 1) + w.hiddenAfter).toBe(n - from + 1);
      }),
      { seed: 20240611, numRuns: 500 },
    );
  });
});
