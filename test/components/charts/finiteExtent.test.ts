import fc from 'fast-check';
import { scaleLinear } from 'd3-scale';
import { describe, expect, it } from 'vitest';
import { finiteExtent } from '@components/charts/finiteExtent.ts';

describe('finiteExtent', () => {
  it.each([
    // ordinary values, 0 included for a bar chart's base
    [[[2, 5, 3]], [0], { lo: 0, hi: 5, unit: 1, omitted: 0 }],
    // ±∞ and NaN are counted, never part of the extent
    [[[Infinity, 2, NaN], [-Infinity, -1]], [], { lo: -1, hi: 2, unit: 1, omitted: 3 }],
    // nothing finite: the fallback
    [[[NaN, Infinity]], [], { lo: 0, hi: 1, unit: 1, omitted: 2 }],
    // only zeros: an axis from 0 to 1
    [[[0, 0]], [0], { lo: 0, hi: 1, unit: 1, omitted: 0 }],
    // one value: an axis as wide as the value, centred on it
    [[[4]], [], { lo: 2, hi: 6, unit: 1, omitted: 0 }],
  ])('finiteExtent(%j, %j) is %j', (values, include, expected) => {
    expect(finiteExtent(values, include)).toEqual(expected);
  });

  it('counts ±1.7e308 in units of 1e16, so that max − min stays finite', () => {
    const { lo, hi, unit } = finiteExtent([[1.7e308, -1.7e308]]);
    expect(unit).toBe(1e16);
    expect(hi - lo).toBeLessThan(Number.MAX_VALUE);
    expect(Number.isFinite(hi - lo)).toBe(true);
  });

  it('gives a domain whose nice() and ticks are finite for any finite values (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double(), { maxLength: 20 }), (values) => {
        const { lo, hi, unit } = finiteExtent([values], [0]);
        expect(lo).toBeLessThan(hi);
        const y = scaleLinear().domain([lo, hi]).nice().range([200, 0]);
        for (const d of y.domain()) expect(Number.isFinite(d)).toBe(true);
        for (const tick of y.ticks(5)) expect(Number.isFinite(y(tick))).toBe(true);
        for (const v of values.filter(Number.isFinite)) {
          // every finite value lands inside the plot (to a pixel's rounding)
          expect(y(v / unit)).toBeGreaterThanOrEqual(-1e-9);
          expect(y(v / unit)).toBeLessThanOrEqual(200 + 1e-9);
        }
      }),
      { numRuns: 500 },
    );
  });
});
