import { useMemo } from 'preact/hooks';
import { lossSurface, type Dataset, type LossSurface, type LossSurfaceGrid, type Objective } from '~/core';

/** The grid every loss-surface chart uses: 121 × 121 points over w_x, w_rec ∈ [−3, 3] (the weights' range), 0.05 apart. */
export const SURFACE_GRID: LossSurfaceGrid = { wX: [-3, 3, 121], wRec: [-3, 3, 121] };

/** The data set's (penalised) loss surface on SURFACE_GRID: what every loss-surface chart shows. */
export function chartedLossSurface(data: Dataset, objective: Objective, penalty: number): LossSurface {
  return lossSurface(data, SURFACE_GRID, objective, { penalty });
}

/** {@link chartedLossSurface}, computed once per change of data, objective or λ. */
export function useLossSurface(data: Dataset, objective: Objective, penalty: number): LossSurface {
  return useMemo(() => chartedLossSurface(data, objective, penalty), [data, objective, penalty]);
}
