import type { Dataset } from './dataset.ts';
import { assertDataset } from './dataset.ts';
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
  const { wRec, wX } = w;
  const everyStep = objective === 'every-step';
  const N = data.sequences.length;
  let longest = 0;
  for (let i = 0; i < N; i++) longest = Math.max(longest, data.sequences[i].length);
  const s = new Float64Array(longest + 1); // reused by every sequence; s[0] = s_0 = 0 stays 0
  let total = 0;
  let dWRec = 0;
  let dWX = 0;
  for (let i = 0; i < N; i++) {
    const x = data.sequences[i];
    const t = data.targets[i];
    const n = x.length;
    // s_k = s_{k-1} w_rec + x_k w_x   (eq. 1)
    for (let k = 1; k <= n; k++) s[k] = s[k - 1] * wRec + x[k - 1] * wX;
    let E = 0;
    let delta = 0; // δ_{n+1} = 0
    // δ_k = ∂E_k/∂s_k + w_rec δ_{k+1};   ∂E/∂w_rec += δ_k s_{k-1};   ∂E/∂w_x += δ_k x_k
    for (let k = n; k >= 1; k--) {
      let local = 0;
      if (everyStep || k === n) {
        local = s[k] - t[k];
        E += 0.5 * local * local;
      }
      delta = local + wRec * delta;
      dWRec += delta * s[k - 1];
      dWX += delta * x[k - 1];
    }
    total += E;
  }
  return { loss: total / N, dWRec: dWRec / N, dWX: dWX / N };
}
