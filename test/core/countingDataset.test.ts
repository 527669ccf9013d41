import { describe, expect, it } from 'vitest';
import { COUNTING_DATASET_DEFAULTS, countingDataset } from '~/core';

describe('countingDataset', () => {
  it('countingDataset({ count: 20, length: 10, seed: 1 }) has 20 sequences of 10 bits with running counts as targets', () => {
    const data = countingDataset({ count: 20, length: 10, seed: 1 });
    expect(data.sequences).toHaveLength(20);
    expect(data.targets).toHaveLength(20);
    data.sequences.forEach((x, i) => {
      expect(x).toHaveLength(10);
      expect(x.every((v) => v === 0 || v === 1)).toBe(true);
      let count = 0;
      expect(data.targets[i][0]).toBe(0);
      for (let k = 1; k <= 10; k++) {
        count += x[k - 1];
        expect(data.targets[i][k]).toBe(count);
      }
    });
  });

  it('countingDataset with the same seed gives the same data; another seed different data', () => {
    const a = countingDataset({ count: 5, length: 8, seed: 42 });
    const b = countingDataset({ count: 5, length: 8, seed: 42 });
    const c = countingDataset({ count: 5, length: 8, seed: 43 });
    expect(a.sequences.map((x) => Array.from(x))).toEqual(b.sequences.map((x) => Array.from(x)));
    expect(a.sequences.map((x) => Array.from(x))).not.toEqual(c.sequences.map((x) => Array.from(x)));
  });

  it('countingDataset(seed 1) draws the bits of randomLcg(1) in order (x = 1 when the draw ≥ ½)', () => {
    // randomLcg (d3-random): state ← 0x19660D · state + 0x3C6EF35F (mod 2^32), draw = state / 2^32,
    // re-implemented here with BigInt; Bernoulli(½) gives floor(draw + ½)
    let state = 1n;
    const bits: number[] = [];
    for (let i = 0; i < 12; i++) {
      state = (0x19660dn * state + 0x3c6ef35fn) % 2n ** 32n;
      bits.push(Number(state) / 2 ** 32 >= 0.5 ? 1 : 0);
    }
    const data = countingDataset({ count: 3, length: 4, seed: 1 });
    expect(data.sequences.flatMap((x) => Array.from(x))).toEqual(bits);
  });

  it('countingDataset() uses the exported defaults', () => {
    const a = countingDataset();
    const b = countingDataset(COUNTING_DATASET_DEFAULTS);
    expect(a.sequences).toHaveLength(COUNTING_DATASET_DEFAULTS.count);
    expect(a.sequences.map((x) => Array.from(x))).toEqual(b.sequences.map((x) => Array.from(x)));
  });

  it('countingDataset draws a fair mix of ones (between 40 % and 60 % over 10^4 bits)', () => {
    const data = countingDataset({ count: 100, length: 100, seed: 7 });
    const ones = data.targets.reduce((sum, t) => sum + t[100], 0);
    expect(ones / 10_000).toBeGreaterThan(0.4);
    expect(ones / 10_000).toBeLessThan(0.6);
  });
});
