import type { Dataset } from './dataset.ts';
import { assertDataset } from './dataset.ts';
import { datasetLoss } from './datasetLoss.ts';
import { gridAxis } from './gridAxis.ts';
import type { LossSurface, LossSurfaceGrid, LossSurfaceOptions } from './lossSurfaceGrid.ts';
import { surfaceValues } from './surfaceValues.ts';
import type { Objective } from './objective.ts';
import { assertNonNegative, assertObjective } from './validate.ts';

/** The loss surface by running the network at every grid point: O(rows · cols · N · n); the reference for {@link lossSurface}. */
export function lossSurfaceDirect(
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
  const cols = wX.length;
  const values = surfaceValues(options.out, wRec.length * cols);
  for (let r = 0; r < wRec.length; r++) {
    for (let c = 0; c < cols; c++) {
      // E_λ(w) = E(w) + λ/2 (w_rec² + w_x²)
      const E = datasetLoss(data, { wRec: wRec[r], wX: wX[c] }, objective);
      values[r * cols + c] = penalty === 0 ? E : E + 0.5 * penalty * (wRec[r] * wRec[r] + wX[c] * wX[c]);
    }
  }
  return { values, wX, wRec };
}
