import { backwardInto } from './backwardInto.ts';
import type { Dataset } from './dataset.ts';
import { assertDataset } from './dataset.ts';
import { forwardInto } from './forwardInto.ts';
import { longestSequence } from './longestSequence.ts';
import type { Objective } from './objective.ts';
import type { Weights } from './weights.ts';
import { assertObjective, assertWeights } from './validate.ts';

/** The data set's mean loss and its exact gradient (means over the sequences of E, ∂E/∂w_rec, ∂E/∂w_x; no penalty). */
export function datasetGradient(
  data: Dataset,
  w: Weights,
  objective: Objective,
): { loss: number; dWRec: number; dWX: number } {
  assertDataset(data);
  assertWeights(w);
  assertObjective(objective);
  const N = data.sequences.length;
  const s = new Float64Array(longestSequence(data) + 1); // reused by every sequence; s[0] = s_0 = 0 stays 0
  const grad = new Float64Array(2); // Σ_i ∂E^(i)/∂w_rec, Σ_i ∂E^(i)/∂w_x
  let total = 0;
  // E = (1/N) Σ_i E^(i)   (training-loss);   each sequence: s_k   (forward), then δ_k   (bptt-delta-recurrence) and ∂E^(i)/∂w
  for (let i = 0; i < N; i++) {
    const x = data.sequences[i];
    forwardInto(x, w.wRec, w.wX, s);
    total += backwardInto(x, s, data.targets[i], w.wRec, objective, grad);
  }
  return { loss: total / N, dWRec: grad[0] / N, dWX: grad[1] / N };
}
