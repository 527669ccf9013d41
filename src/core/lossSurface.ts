import type { Dataset } from './dataset.ts';
import { assertDataset } from './dataset.ts';
import { datasetLoss } from './datasetLoss.ts';
import { gridAxis } from './gridAxis.ts';
import type { LossSurface, LossSurfaceGrid, LossSurfaceOptions } from './lossSurfaceGrid.ts';
import { surfaceValues } from './surfaceValues.ts';
import type { Objective } from './objective.ts';
import { assertNonNegative, assertObjective } from './validate.ts';

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
  assertDataset(data);
  assertObjective(objective);
  const wX = gridAxis(grid?.wX, 'grid.wX');
  const wRec = gridAxis(grid?.wRec, 'grid.wRec');
  const penalty = assertNonNegative(options.penalty ?? 0, 'options.penalty');
  const everyStep = objective === 'every-step';
  const N = data.sequences.length;
  const cols = wX.length;
  const rows = wRec.length;
  const values = surfaceValues(options.out, rows * cols);
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
      let u = 0;
      // u_k = u_{k-1} w_rec + x_k, so s_k = w_x u_k;   ½ (w_x u_k − t_k)² = ½ u_k² w_x² − u_k t_k w_x + ½ t_k²
      for (let k = 1; k <= n; k++) {
        u = u * w + x[k - 1];
        if (everyStep || k === n) {
          A += 0.5 * u * u;
          B -= u * t[k];
        }
      }
    }
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
  const E = datasetLoss(data, { wRec, wX }, objective);
  return penalty === 0 ? E : E + 0.5 * penalty * (wRec * wRec + wX * wX);
}
