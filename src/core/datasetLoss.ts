import type { Dataset } from './dataset.ts';
import { assertDataset } from './dataset.ts';
import type { Objective } from './objective.ts';
import type { Weights } from './weights.ts';
import { assertObjective, assertWeights } from './validate.ts';

/** The data set's loss: the mean over its N sequences of each sequence's E (no penalty). */
export function datasetLoss(data: Dataset, w: Weights, objective: Objective): number {
  assertDataset(data);
  assertWeights(w);
  assertObjective(objective);
  const { wRec, wX } = w;
  const everyStep = objective === 'every-step';
  const N = data.sequences.length;
  let total = 0;
  // E = (1/N) Σ_i E^(i)
  for (let i = 0; i < N; i++) {
    const x = data.sequences[i];
    const t = data.targets[i];
    const n = x.length;
    let s = 0;
    let E = 0;
    // s_k = s_{k-1} w_rec + x_k w_x   (eq. 1);   E_k = ½ (s_k − t_k)²
    for (let k = 1; k <= n; k++) {
      s = s * wRec + x[k - 1] * wX;
      if (everyStep) E += 0.5 * (s - t[k]) * (s - t[k]);
    }
    total += everyStep ? E : 0.5 * (s - t[n]) * (s - t[n]);
  }
  return total / N;
}
