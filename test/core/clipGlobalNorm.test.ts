import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clipGlobalNorm } from '~/core/clipGlobalNorm.ts';
import { relErr } from './addingFixtures.ts';

describe('clipGlobalNorm', () => {
  it('clipGlobalNorm([[3], [0, 4]], 1) returns 5 and scales the blocks to (0.6), (0, 0.8)', () => {
    const blocks = [Float64Array.of(3), Float64Array.of(0, 4)];
    expect(clipGlobalNorm(blocks, 1)).toBe(5);
    expect(Array.from(blocks[0])).toEqual([3 * (1 / 5)]);
    expect(Array.from(blocks[1])).toEqual([0, 4 * (1 / 5)]);
  });

  it('clipGlobalNorm leaves gradients at or under maxNorm, and every gradient under maxNorm = Infinity, unchanged', () => {
    const blocks = [Float64Array.of(0.3, -0.4)];
    expect(clipGlobalNorm(blocks, 0.5)).toBeCloseTo(0.5, 15);
    expect(Array.from(blocks[0])).toEqual([0.3, -0.4]);
    const big = [Float64Array.of(1e10, -1e10)];
    clipGlobalNorm(big, Infinity);
    expect(Array.from(big[0])).toEqual([1e10, -1e10]);
  });

  it('clipGlobalNorm returns the norm of all blocks joined, keeps the direction and caps the norm at maxNorm (fast-check, rel 1e-14)', () => {
    // entries below 1e-100 in size are flushed to 0: squares of subnormal numbers lose their relative precision
    const entry = fc.double({ min: -100, max: 100, noNaN: true }).map((v) => (Math.abs(v) < 1e-100 ? 0 : v));
    const block = fc.array(entry, { minLength: 0, maxLength: 6 });
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 4 }), fc.double({ min: 1e-3, max: 50, noNaN: true }), (values, maxNorm) => {
        const blocks = values.map((v) => Float64Array.from(v));
        const flat = values.flat();
        const norm = Math.hypot(...flat);
        const returned = clipGlobalNorm(blocks, maxNorm);
        expect(relErr(returned, norm, 1e-300)).toBeLessThanOrEqual(1e-14);
        const after = blocks.flatMap((b) => Array.from(b));
        const scale = norm > maxNorm ? maxNorm / norm : 1;
        after.forEach((v, i) => expect(relErr(v, flat[i] * scale, 1e-300)).toBeLessThanOrEqual(1e-14));
        expect(Math.hypot(...after)).toBeLessThanOrEqual(Math.max(norm <= maxNorm ? norm : maxNorm, 0) * (1 + 1e-14));
      }),
      { seed: 17, numRuns: 200 },
    );
  });

  it.each([
    // zero threshold
    ['maxNorm 0', () => clipGlobalNorm([], 0), 'maxNorm must be a number > 0 (or Infinity), got 0'],
    // NaN threshold
    ['maxNorm NaN', () => clipGlobalNorm([], NaN), 'maxNorm must be a number > 0 (or Infinity), got NaN'],
  ])('%s throws RangeError', (_name, call, message) => {
    expect(call).toThrow(RangeError);
    expect(call).toThrow(message);
  });
});
