import { clipGradient } from './clipGradient.ts';
import type { Dataset } from './dataset.ts';
import { assertDataset } from './dataset.ts';
import { penalisedGradient } from './penalisedGradient.ts';
import type { Objective } from './objective.ts';
import type { Optimizer } from './optimizer.ts';
import type { Weights } from './weights.ts';
import { assertNonNegative, assertObjective, assertPositive, assertWeights } from './validate.ts';

/** Options of {@link trainWith} and {@link train}: the objective (default 'final'), an L2 penalty λ ≥ 0 (default 0), and an optional gradient-norm bound. */
export interface TrainOptions {
  readonly objective?: Objective;
  /** λ: the minimised loss is E + λ/2 (w_rec² + w_x²)   (l2-penalty). */
  readonly penalty?: number;
  /** When set (> 0), the gradient is rescaled to this Euclidean norm whenever its norm exceeds it. */
  readonly clipNorm?: number;
}

/** One update of {@link train}. */
export interface TrainStep {
  /** 1 for the first update. */
  readonly iteration: number;
  /** The weights after this update. */
  readonly w: Weights;
  /** The penalised data-set loss at the weights this update started from. */
  readonly loss: number;
  /** The gradient the optimizer used: of the penalised loss at the starting weights, AFTER clipping. */
  readonly dWRec: number;
  /** The gradient the optimizer used (∂/∂w_x), after clipping. */
  readonly dWX: number;
  /** The penalised gradient before clipping (equal to dWRec when not clipped). */
  readonly rawDWRec: number;
  /** The penalised gradient before clipping (equal to dWX when not clipped). */
  readonly rawDWX: number;
  /** The Euclidean norm of the gradient before clipping. */
  readonly gradNorm: number;
  /** Whether clipping rescaled the gradient this update. */
  readonly clipped: boolean;
}

/**
 * Full-batch training from w0 with the optimizer `start` makes: a generator yielding one {@link TrainStep} per update
 * for as long as the caller takes them. Each update computes the data set's mean loss and exact gradient (plus λ w
 * for the penalty), clips it if `clipNorm` is set, and hands it to the optimizer. Arguments are checked, and the
 * optimizer made, when `trainWith` is called, not on the first update. Weights that overflow are yielded as they are.
 */
export function trainWith(
  data: Dataset,
  w0: Weights,
  start: () => Optimizer,
  options: TrainOptions = {},
): Generator<TrainStep, never, undefined> {
  assertDataset(data);
  assertWeights(w0, 'w0');
  const objective = assertObjective(options.objective ?? 'final', 'options.objective');
  const penalty = assertNonNegative(options.penalty ?? 0, 'options.penalty');
  const clipNorm = options.clipNorm === undefined ? undefined : assertPositive(options.clipNorm, 'options.clipNorm');
  return updates(data, { wRec: w0.wRec, wX: w0.wX }, start(), objective, penalty, clipNorm);
}

function* updates(
  data: Dataset,
  w0: Weights,
  opt: Optimizer,
  objective: Objective,
  penalty: number,
  clipNorm: number | undefined,
): Generator<TrainStep, never, undefined> {
  let w = w0;
  for (let iteration = 1; ; iteration++) {
    // E_λ = E + λ/2 (w_rec² + w_x²);   ∂E_λ/∂w = ∂E/∂w + λ w   (l2-penalty);   then g ← θ g / ‖g‖ if ‖g‖ > θ   (clip-norm)
    const { loss, dWRec: rawDWRec, dWX: rawDWX } = penalisedGradient(data, w, objective, penalty);
    const c =
      clipNorm === undefined
        ? { dWRec: rawDWRec, dWX: rawDWX, norm: Math.hypot(rawDWRec, rawDWX), clipped: false }
        : clipGradient(rawDWRec, rawDWX, clipNorm);
    const start = w;
    w = opt.step(start, c.dWRec, c.dWX);
    yield { iteration, w, loss, dWRec: c.dWRec, dWX: c.dWX, rawDWRec, rawDWX, gradNorm: c.norm, clipped: c.clipped };
  }
}
