import { describe, expect, it } from 'vitest';
import { gridAxis } from '~/core';

describe('gridAxis', () => {
  it('gridAxis([−1, 1, 5]) = [−1, −0.5, 0, 0.5, 1]', () => {
    expect(Array.from(gridAxis([-1, 1, 5], 'axis'))).toEqual([-1, -0.5, 0, 0.5, 1]);
  });

  it('gridAxis includes both ends exactly', () => {
    const v = gridAxis([-1.5, 2.7, 513], 'axis');
    expect(v[0]).toBe(-1.5);
    expect(v[512]).toBe(2.7);
  });
});
