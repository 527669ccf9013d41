import { describe, expect, it } from 'vitest';
import { backprop, type BackpropResult } from '~/core';
import { firstNonFinite, infiniteRange, lastNonFinite } from '~/notebook/overflow.ts';
import { gradientOverflow } from '~/notebook/gradientOverflow.ts';
import { LARGEST_DOUBLE, SMALLEST_DOUBLE } from '~/notebook/overflowMessage.ts';

/** A backward pass's result with only the fields gradientOverflow reads. */
function result(s: number[], delta: number[], dWRec = 1, dWX = 1): BackpropResult {
  return { s: Float64Array.from(s), delta: Float64Array.from(delta), dWRec, dWX } as unknown as BackpropResult;
}

describe('the overflow thresholds in words', () => {
  it('LARGEST_DOUBLE formats Number.MAX_VALUE with two significant digits', () => {
    expect(LARGEST_DOUBLE).toBe('the largest number a double can hold (about 1.8 × 10³⁰⁸)');
  });

  it('SMALLEST_DOUBLE formats Number.MIN_VALUE with two significant digits', () => {
    expect(SMALLEST_DOUBLE).toBe('the smallest positive double (about 4.9 × 10⁻³²⁴)');
  });
});

describe('finding non-finite values', () => {
  it.each([
    // all finite
    [[1, 2, 3], 0, -1, -1, null],
    // one infinity in the middle
    [[1, Infinity, 3], 0, 1, 1, [1, 1, 1]],
    // NaN is not finite but not an infinity either
    [[NaN, 2, -Infinity, Infinity], 0, 0, 3, [2, 3, 2]],
    // lastNonFinite ignores indices before `from`
    [[Infinity, 1, 2], 1, 0, -1, [0, 0, 1]],
  ])('%j (lastNonFinite from %i)', (values, from, first, last, range) => {
    expect(firstNonFinite(values)).toBe(first);
    expect(lastNonFinite(values, from)).toBe(last);
    expect(infiniteRange(values)).toEqual(range);
  });
});

describe('gradientOverflow', () => {
  it('is null when states, deltas and gradients are finite', () => {
    expect(gradientOverflow(result([0, 1, 2], [1, 1, 1]))).toBeNull();
  });

  it('names the first step whose state overflows', () => {
    expect(gradientOverflow(result([0, 1, Infinity, Infinity], [0, 0, 0, 0]))).toContain(`pass ${LARGEST_DOUBLE} at step 2`);
  });

  it('names the highest step whose delta overflows (the first reached going back), ignoring δ_0', () => {
    const text = gradientOverflow(result([0, 1, 2, 3], [Infinity, Infinity, -Infinity, 1]));
    expect(text).toContain(`δ_k passes ${LARGEST_DOUBLE} at step 2`);
  });

  it('says when only the sum of finite deltas overflows', () => {
    expect(gradientOverflow(result([0, 1], [0, 1], Infinity))).toContain(`their sum passes ${LARGEST_DOUBLE}`);
  });

  it('backprop of 700 ones with w_rec = 3 overflows in the states, in words', () => {
    const r = backprop(new Array<number>(700).fill(1), { wRec: 3, wX: 1 }, 'final');
    expect(gradientOverflow(r)).toMatch(/^Overflow: the states grow .* at step \d+/);
  });
});
