import type { Dataset } from './dataset.ts';
import { assertDataset } from './dataset.ts';
import { datasetLoss } from './datasetLoss.ts';
import { lossSurface } from './lossSurface.ts';
import type { Objective } from './objective.ts';
import { train } from './train.ts';
import type { Weights } from './weights.ts';
import { assertFinite, assertInteger, assertNonNegative, assertObjective, describeValue } from './validate.ts';

/** Updates without a lower E_λ after which the refinement stops. */
const STALL = 100;

/** Options of {@link penalisedOptimum}: the square searched, the grid's size and how many Rprop updates refine it. */
export interface PenalisedOptimumOptions {
  /** The search square [min, max]² for (w_rec, w_x) (default [−3, 3], the sliders' range). */
  readonly range?: readonly [number, number];
  /** Grid points per axis of the first, global search (2..4096, default 121). */
  readonly gridSize?: number;
  /** The most Rprop updates of the refinement (default 2000). */
  readonly maxIterations?: number;
}

/** The penalised optimum: its weights, the penalised loss E_λ and the data loss E there, and the refining updates taken. */
export interface PenalisedOptimum {
  readonly w: Weights;
  /** E_λ = E + λ/2 (w_rec² + w_x²) at w. */
  readonly loss: number;
  /** E alone at w: the price paid in fit for the smaller weights. */
  readonly dataLoss: number;
  readonly iterations: number;
}

/**
 * The minimiser of the penalised loss E_λ(w) = E(w) + λ/2 (w_rec² + w_x²) over a square: the lowest point of the
 * penalised loss surface on a grid (a global search, so a local valley cannot trap it), refined by Rprop from
 * there with steps down to 1e−12. Returns the best point met. For λ = 0 it is the plain least-squares fit.
 */
export function penalisedOptimum(
  data: Dataset,
  objective: Objective,
  penalty: number,
  options: PenalisedOptimumOptions = {},
): PenalisedOptimum {
  assertDataset(data);
  assertObjective(objective);
  assertNonNegative(penalty, 'penalty');
  const range = options.range ?? [-3, 3];
  if (!Array.isArray(range) || range.length !== 2) {
    throw new RangeError(`options.range must be [min, max], got ${describeValue(range)}`);
  }
  const lo = assertFinite(range[0], 'options.range[0]');
  const hi = assertFinite(range[1], 'options.range[1]');
  if (!(lo < hi)) throw new RangeError(`options.range[1] must be greater than options.range[0] = ${lo}, got ${hi}`);
  const size = assertInteger(options.gridSize ?? 121, 'options.gridSize', 2, 4096);
  const maxIterations = assertInteger(options.maxIterations ?? 2000, 'options.maxIterations', 0, 1_000_000);

  const surface = lossSurface(data, { wX: [lo, hi, size], wRec: [lo, hi, size] }, objective, { penalty });
  let best = 0;
  // argmin over the grid of E_λ(w_rec[r], w_x[c])
  for (let i = 1; i < surface.values.length; i++) if (surface.values[i] < surface.values[best]) best = i;
  let w: Weights = { wRec: surface.wRec[Math.floor(best / size)], wX: surface.wX[best % size] };
  let loss = surface.values[best];
  const spacing = (hi - lo) / (size - 1);
  let iterations = 0;
  const steps = train(
    data,
    w,
    { kind: 'rprop', initialStep: spacing / 4, minStep: 1e-12, maxStep: spacing },
    { objective, penalty },
  );
  let start = w;
  let lastImprovement = 0;
  for (const step of steps) {
    if (step.iteration > maxIterations) break;
    iterations = step.iteration;
    // step.loss is E_λ at the weights this update started from
    if (step.loss < loss) {
      loss = step.loss;
      w = start;
      lastImprovement = step.iteration;
    }
    // Stop at a stationary point, or once E_λ has not fallen for STALL updates (Rprop's steps are then at their floor).
    if (step.gradNorm === 0 || step.iteration - lastImprovement >= STALL) break;
    start = step.w;
  }
  return { w, loss, dataLoss: datasetLoss(data, w, objective), iterations };
}
