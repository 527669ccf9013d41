import { describe, expect, it } from 'vitest';
import { countingDataset, datasetLoss } from '~/core';
import { raceOutcome } from '../../../components/demos/trainingAtBuild.ts';

describe('raceOutcome', () => {
  it.each([
    // the two racers chapter 6 states, from the race's start
    ['rprop', { kind: 'rprop' } as const],
    ['adam', { kind: 'adam' } as const],
  ])('raceOutcome(%s, (−1.5, 2), final, 500) pairs its weights with the data-set loss at those weights', (_, optimizer) => {
    const outcome = raceOutcome(optimizer, { wX: -1.5, wRec: 2 }, { objective: 'final' }, 500);
    expect(outcome.iteration).toBe(500);
    expect(outcome.loss).toBe(datasetLoss(countingDataset({}), outcome.w, 'final'));
  });
});
