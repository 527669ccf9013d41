import type { Dataset } from './dataset.ts';
import { forwardInto } from './forwardInto.ts';
import type { Objective } from './objective.ts';
import { sequenceError } from './sequenceError.ts';

/**
 * The data set's loss E = (1/N) Σ_i E^(i) at (w_rec, w_x), with `s` as every sequence's state buffer (s[0] = s_0 = 0,
 * length ≥ the longest sequence + 1; reuse it across calls to save the allocation). Unchecked: callers check first.
 */
export function meanError(data: Dataset, wRec: number, wX: number, objective: Objective, s: Float64Array): number {
  const N = data.sequences.length;
  let total = 0;
  // E = (1/N) Σ_i E^(i)   (training-loss), each E^(i) from the states s_k = s_{k-1} w_rec + x_k w_x   (forward)
  for (let i = 0; i < N; i++) {
    const x = data.sequences[i];
    forwardInto(x, wRec, wX, s);
    total += sequenceError(s, data.targets[i], x.length, objective);
  }
  return total / N;
}
