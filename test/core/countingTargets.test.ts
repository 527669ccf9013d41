import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countingTargets } from '~/core';

describe('countingTargets', () => {
  it('countingTargets(seed sequence) is the running count, ending at 5', () => {
    const t = countingTargets([0, 1, 1, 0, 0, 0, 0, 1, 0, 0, 1, 1]);
    expect(Array.from(t)).toEqual([0, 0, 1, 2, 2, 2, 2, 2, 3, 3, 3, 4, 5]);
  });

  it('countingTargets(x)[n] equals the number of ones in a random 0/1 sequence', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(0, 1), { minLength: 1, maxLength: 50 }), (x) => {
        const t = countingTargets(x);
        expect(t).toHaveLength(x.length + 1);
        expect(t[0]).toBe(0);
        expect(t[x.length]).toBe(x.filter((v) => v === 1).length);
      }),
      { seed: 7, numRuns: 200 },
    );
  });
});
