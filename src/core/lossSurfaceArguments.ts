import type { Dataset } from './dataset.ts';
import { assertDataset } from './dataset.ts';
import { gridAxis } from './gridAxis.ts';
import type { LossSurfaceGrid, LossSurfaceOptions } from './lossSurfaceGrid.ts';
import type { Objective } from './objective.ts';
import { surfaceValues } from './surfaceValues.ts';
import { assertNonNegative, assertObjective } from './validate.ts';

/** Checks the arguments of a loss-surface function and returns its axes, λ and the array to write the rows · cols values into. */
export function lossSurfaceArguments(
  data: Dataset,
  grid: LossSurfaceGrid,
  objective: Objective,
  options: LossSurfaceOptions,
): { wX: Float64Array; wRec: Float64Array; penalty: number; values: Float64Array } {
  assertDataset(data);
  assertObjective(objective);
  const wX = gridAxis(grid?.wX, 'grid.wX');
  const wRec = gridAxis(grid?.wRec, 'grid.wRec');
  const penalty = assertNonNegative(options.penalty ?? 0, 'options.penalty');
  const values = surfaceValues(options.out, wRec.length * wX.length);
  return { wX, wRec, penalty, values };
}
