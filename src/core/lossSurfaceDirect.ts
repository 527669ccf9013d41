import type { Dataset } from './dataset.ts';
import { l2Penalty } from './l2Penalty.ts';
import { longestSequence } from './longestSequence.ts';
import { lossSurfaceArguments } from './lossSurfaceArguments.ts';
import type { LossSurface, LossSurfaceGrid, LossSurfaceOptions } from './lossSurfaceGrid.ts';
import { meanError } from './meanError.ts';
import type { Objective } from './objective.ts';

/** The loss surface by running the network at every grid point: O(rows · cols · N · n); the reference for {@link lossSurface}. */
export function lossSurfaceDirect(
  data: Dataset,
  grid: LossSurfaceGrid,
  objective: Objective,
  options: LossSurfaceOptions = {},
): LossSurface {
  const { wX, wRec, penalty, values } = lossSurfaceArguments(data, grid, objective, options);
  const cols = wX.length;
  const s = new Float64Array(longestSequence(data) + 1); // the states, reused at every point; s[0] = s_0 = 0 stays 0
  for (let r = 0; r < wRec.length; r++) {
    for (let c = 0; c < cols; c++) {
      // E_λ(w) = E(w) + λ/2 (w_rec² + w_x²)   (training-loss, l2-penalty), E as datasetLoss computes it
      const w = { wRec: wRec[r], wX: wX[c] };
      values[r * cols + c] = meanError(data, w.wRec, w.wX, objective, s) + l2Penalty(w, penalty).loss;
    }
  }
  return { values, wX, wRec };
}
