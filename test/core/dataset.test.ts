import { describe, expect, it } from 'vitest';
import { datasetFrom } from '~/core';

describe('datasetFrom', () => {
  it('datasetFrom([[1, 0, 1], [0.5]]) copies the sequences and adds running-count targets', () => {
    const input = [[1, 0, 1], [0.5]];
    const data = datasetFrom(input);
    expect(data.sequences.map((x) => Array.from(x))).toEqual([[1, 0, 1], [0.5]]);
    expect(data.targets.map((t) => Array.from(t))).toEqual([[0, 1, 1, 2], [0, 0.5]]);
    input[0][0] = 9;
    expect(data.sequences[0][0]).toBe(1);
  });
});
