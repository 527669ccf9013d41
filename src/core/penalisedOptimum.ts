import type { Dataset } from './dataset.ts';
import { assertDataset } from './dataset.ts';
import { penalisedGradient } from './penalisedGradient.ts';
import { datasetLoss } from './datasetLoss.ts';
import { lossSurface } from './lossSurface.ts';
import type { Objective } from './objective.ts';
import type { Weights } from './weights.ts';
import { assertFinite, assertInteger, assertNonNegative, assertObjective, assertWeights, describeValue } from './validate.ts';

/**
 * Damped Newton's method on E_λ from w: each step solves H d = −∇E_λ, with H the Hessian by
 * central differences of the exact gradient, shifted to be positive definite where it is not, and halves the step
 * until E_λ falls by the Armijo condition. Stops at a zero gradient, when no step lowers E_λ any more (the
 * optimum to rounding), or after `maxIterations` steps.
 */
function newtonRefine(
  data: Dataset,
  objective: Objective,
  penalty: number,
  w0: Weights,
  maxIterations: number,
): { w: Weights; loss: number; iterations: number } {
  let w = w0;
  let g = penalisedGradient(data, w, objective, penalty);
  let loss = g.loss;
  let iterations = 0;
  while (iterations < maxIterations && Number.isFinite(g.loss) && (g.dWRec !== 0 || g.dWX !== 0)) {
    // H by central differences of the exact gradient, symmetrised
    const hRec = 1e-5 * Math.max(1, Math.abs(w.wRec));
    const hX = 1e-5 * Math.max(1, Math.abs(w.wX));
    const rp = penalisedGradient(data, { wRec: w.wRec + hRec, wX: w.wX }, objective, penalty);
    const rm = penalisedGradient(data, { wRec: w.wRec - hRec, wX: w.wX }, objective, penalty);
    const xp = penalisedGradient(data, { wRec: w.wRec, wX: w.wX + hX }, objective, penalty);
    const xm = penalisedGradient(data, { wRec: w.wRec, wX: w.wX - hX }, objective, penalty);
    const a = (rp.dWRec - rm.dWRec) / (2 * hRec);
    const c = (xp.dWX - xm.dWX) / (2 * hX);
    const b = 0.5 * ((rp.dWX - rm.dWX) / (2 * hRec) + (xp.dWRec - xm.dWRec) / (2 * hX));
    // the smaller eigenvalue of [[a, b], [b, c]]; shift H to positive definite when it is not (Levenberg)
    const mean = 0.5 * (a + c);
    const radius = Math.hypot(0.5 * (a - c), b);
    const floor = 1e-8 * Math.max(1, Math.abs(mean) + radius);
    const shift = mean - radius < floor ? floor - (mean - radius) : 0;
    const A = a + shift;
    const C = c + shift;
    const det = A * C - b * b;
    if (!Number.isFinite(det) || det <= 0) break;
    // d = −H⁻¹ ∇E_λ
    const dRec = -(C * g.dWRec - b * g.dWX) / det;
    const dX = -(A * g.dWX - b * g.dWRec) / det;
    const slope = g.dWRec * dRec + g.dWX * dX; // < 0: a descent direction
    let t = 1;
    let next: Weights | undefined;
    let nextG = g;
    for (let halvings = 0; halvings < 60; halvings++, t *= 0.5) {
      const trial = { wRec: w.wRec + t * dRec, wX: w.wX + t * dX };
      if (trial.wRec === w.wRec && trial.wX === w.wX) break;
      const tg = penalisedGradient(data, trial, objective, penalty);
      if (Number.isFinite(tg.loss) && tg.loss <= loss + 1e-4 * t * slope) {
        next = trial;
        nextG = tg;
        break;
      }
    }
    iterations++;
    if (next === undefined || !(nextG.loss < loss || (nextG.loss === loss && Math.hypot(nextG.dWRec, nextG.dWX) < Math.hypot(g.dWRec, g.dWX)))) break;
    w = next;
    g = nextG;
    loss = nextG.loss;
  }
  return { w, loss, iterations };
}

/** Options of {@link penalisedOptimum}: the square searched, the grid's size and how many damped Newton steps refine it. */
export interface PenalisedOptimumOptions {
  /** The search square [min, max]² for (w_rec, w_x) (default [−3, 3], the sliders' range). */
  readonly range?: readonly [number, number];
  /** Grid points per axis of the first, global search (2..4096, default 121). */
  readonly gridSize?: number;
  /** The most Newton steps of the refinement (default 100; it usually needs fewer than ten). */
  readonly maxIterations?: number;
  /**
   * Refine from these weights instead of from the grid's lowest point, skipping the grid search: a local search,
   * for following the optimum as λ changes a little from a penalty whose optimum is known (see
   * {@link penalisedOptimumNear}). The range and grid size are then not used.
   */
  readonly start?: Weights;
}

/** The penalised optimum: its penalty, weights, the penalised loss E_λ and the data loss E there, and the Newton steps taken. */
export interface PenalisedOptimum {
  /** λ. */
  readonly penalty: number;
  readonly w: Weights;
  /** E_λ = E + λ/2 (w_rec² + w_x²) at w   (l2-penalty). */
  readonly loss: number;
  /** E alone at w: the price paid in fit for the smaller weights. */
  readonly dataLoss: number;
  readonly iterations: number;
}

/**
 * The minimiser of the penalised loss E_λ(w) = E(w) + λ/2 (w_rec² + w_x²)   (l2-penalty) over a square: the lowest point of the
 * penalised loss surface on a grid (a global search, so a local valley cannot trap it), refined from there by
 * Newton's method with a backtracking line search (the exact gradient; the Hessian by central differences of it),
 * which converges in a few steps even along the long, narrow valleys of this surface. Never returns a point worse
 * than its start. For λ = 0 it is the plain least-squares fit.
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
  const maxIterations = assertInteger(options.maxIterations ?? 100, 'options.maxIterations', 0, 1_000_000);

  let w: Weights;
  if (options.start === undefined) {
    const surface = lossSurface(data, { wX: [lo, hi, size], wRec: [lo, hi, size] }, objective, { penalty });
    let best = 0;
    // argmin over the grid of E_λ(w_rec[r], w_x[c])
    for (let i = 1; i < surface.values.length; i++) if (surface.values[i] < surface.values[best]) best = i;
    w = { wRec: surface.wRec[Math.floor(best / size)], wX: surface.wX[best % size] };
  } else {
    assertWeights(options.start, 'options.start');
    w = { wRec: options.start.wRec, wX: options.start.wX };
  }
  const refined = newtonRefine(data, objective, penalty, w, maxIterations);
  return { penalty, w: refined.w, loss: refined.loss, dataLoss: datasetLoss(data, refined.w, objective), iterations: refined.iterations };
}

/**
 * The penalised optimum for λ = `penalty` without a new grid search, given optima found by the global search at a
 * ladder of penalties: refined by Newton's method from the known optima with the nearest penalty below and above,
 * keeping the lower E_λ. The cheap way to follow the optimum while λ is dragged. Returns a known optimum itself when
 * its penalty is `penalty`. Where the global optimum jumps from one valley to another between two known penalties,
 * each start follows its own valley, so the lower of the two is still the global optimum (tested against the
 * global search on the counting data sets).
 */
export function penalisedOptimumNear(
  data: Dataset,
  objective: Objective,
  penalty: number,
  known: readonly PenalisedOptimum[],
  options: Omit<PenalisedOptimumOptions, 'start'> = {},
): PenalisedOptimum {
  assertNonNegative(penalty, 'penalty');
  if (!Array.isArray(known) || known.length === 0) {
    throw new RangeError(`known must be a non-empty array of optima, got ${describeValue(known)}`);
  }
  let below: PenalisedOptimum | undefined;
  let above: PenalisedOptimum | undefined;
  for (const o of known) {
    if (o.penalty === penalty) return o;
    if (o.penalty < penalty && (below === undefined || o.penalty > below.penalty)) below = o;
    if (o.penalty > penalty && (above === undefined || o.penalty < above.penalty)) above = o;
  }
  const candidates = [below, above]
    .filter((o): o is PenalisedOptimum => o !== undefined)
    .map((o) => penalisedOptimum(data, objective, penalty, { ...options, start: o.w }));
  return candidates.length === 2 && candidates[1].loss < candidates[0].loss ? candidates[1] : candidates[0];
}
