import { describe, expect, it } from 'vitest';
import { nearestStop } from '@components/race/LagSlider.tsx';
import { RACE_LAGS } from '~/notebook/params/race.ts';

describe('nearestStop(RACE_LAGS, T)', () => {
  it.each([
    // each recorded lag is its own stop
    [5, 0], [10, 1], [20, 2], [50, 3], [100, 4],
    // below the first stop and between stops: the nearest, the lower one on a tie (15 is as near 10 as 20)
    [2, 0], [15, 1], [16, 2], [37, 3], [74, 3], [76, 4],
  ])('T = %i sits at stop %i', (T, index) => {
    expect(nearestStop(RACE_LAGS, T)).toBe(index);
  });
});
