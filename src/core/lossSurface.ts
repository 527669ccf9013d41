import type { Dataset } from './dataset.ts';
import { datasetLoss } from './datasetLoss.ts';
import { forwardInto } from './forwardInto.ts';
import { l2Penalty } from './l2Penalty.ts';
import { longestSequence } from './longestSequence.ts';
import { lossSurfaceArguments } from './lossSurfaceArguments.ts';
import type { LossSurface, LossSurfaceGrid, LossSurfaceOptions } from './lossSurfaceGrid.ts';
import type { Objective } from './objective.ts';

/**
 * The data set's (penalised) loss on a grid, row r at w_rec = wRec[r], column c at w_x = wX[c], row-major.
 *
 * For fixed w_rec, s_k = w_x u_k with u_k = u_{k−1} w_rec + x_k (u_0 = 0), so each row is a quadratic
 * a w_x² + b w_x + c with a = mean Σ ½ u_k² + λ/2, b = −mean Σ u_k t_k, c = mean Σ ½ t_k² + λ/2 w_rec²
 * (sums over the steps the objective scores). Cost O(rows · N · n + rows · cols). A row whose
 * coefficients overflow, or a point whose quadratic does, is evaluated directly instead.
 * With `options.out` the values are written into that array (length rows · cols) instead of a new one.
 */
export function lossSurface(
  data: Dataset,
  grid: LossSurfaceGrid,
  objective: Objective,
  options: LossSurfaceOptions = {},
): LossSurface {
  const { wX, wRec, penalty, values } = lossSurfaceArguments(data, grid, objective, options);
  const everyStep = objective === 'every-step';
  const N = data.sequences.length;
  const cols = wX.length;
  const rows = wRec.length;
  const u = new Float64Array(longestSequence(data) + 1); // reused by every row and sequence; u[0] = u_0 = 0 stays 0
  const wXMax = Math.max(Math.abs(wX[0]), Math.abs(wX[cols - 1]));

  // c_0 = (1/N) Σ_i Σ_k ½ t_k²   (the same for every row)
  let C = 0;
  for (let i = 0; i < N; i++) {
    const t = data.targets[i];
    const n = t.length - 1;
    if (everyStep) for (let k = 1; k <= n; k++) C += 0.5 * t[k] * t[k];
    else C += 0.5 * t[n] * t[n];
  }
  C /= N;

  for (let r = 0; r < rows; r++) {
    const w = wRec[r];
    let A = 0;
    let B = 0;
    for (let i = 0; i < N; i++) {
      const x = data.sequences[i];
      const t = data.targets[i];
      const n = x.length;
      // u_k = u_{k-1} w_rec + x_k: the states (forward) for w_x = 1, so s_k = w_x u_k
      forwardInto(x, w, 1, u);
      // ½ (w_x u_k − t_k)² = ½ u_k² w_x² − u_k t_k w_x + ½ t_k², summed over the steps the objective scores
      for (let k = everyStep ? 1 : n; k <= n; k++) {
        A += 0.5 * u[k] * u[k];
        B -= u[k] * t[k];
      }
    }
    // λ/2 (w_rec² + w_x²)   (l2-penalty) split over the quadratic in w_x: λ/2 joins a, λ/2 w_rec² joins c
    const a = A / N + 0.5 * penalty;
    const b = B / N;
    const c0 = penalty === 0 ? C : C + 0.5 * penalty * w * w;
    const offset = r * cols;
    // |a| w² + |b| |w| + |c| bounds every term of the row, so below MAX_VALUE nothing in it can overflow
    const bound = Math.abs(a) * wXMax * wXMax + Math.abs(b) * wXMax + Math.abs(c0);
    if (bound < Number.MAX_VALUE) {
      // E_λ(w_x) = (a w_x + b) w_x + c
      for (let j = 0; j < cols; j++) values[offset + j] = (a * wX[j] + b) * wX[j] + c0;
    } else {
      for (let j = 0; j < cols; j++) {
        const v = (a * wX[j] + b) * wX[j] + c0;
        values[offset + j] = Number.isFinite(v) ? v : direct(data, w, wX[j], objective, penalty);
      }
    }
  }
  return { values, wX, wRec };
}

/** The loss at one point by running the network, for rows or points where the quadratic overflows. */
function direct(data: Dataset, wRec: number, wX: number, objective: Objective, penalty: number): number {
  const w = { wRec, wX };
  return datasetLoss(data, w, objective) + l2Penalty(w, penalty).loss;
}
