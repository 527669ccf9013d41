import type { Dataset } from './dataset.ts';
import { assertDataset } from './dataset.ts';
import { longestSequence } from './longestSequence.ts';
import { meanError } from './meanError.ts';
import type { Objective } from './objective.ts';
import type { Weights } from './weights.ts';
import { assertObjective, assertWeights } from './validate.ts';

/** The data set's loss: the mean over its N sequences of each sequence's E (no penalty). */
export function datasetLoss(data: Dataset, w: Weights, objective: Objective): number {
  assertDataset(data);
  assertWeights(w);
  assertObjective(objective);
  // E = (1/N) Σ_i E^(i)   (training-loss)
  return meanError(data, w.wRec, w.wX, objective, new Float64Array(longestSequence(data) + 1));
}
