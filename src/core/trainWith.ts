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

/**
 * One update of {@link train}: the weights it started from and the weights it ended at, each with the penalised
 * data-set loss E_λ AT THOSE weights. `w` goes with `loss` and `from` with `lossFrom`; the gradient fields are the
 * gradient at `from`, the one the update used.
 */
export interface TrainStep {
  /** 1 for the first update. */
  readonly iteration: number;
  /** The weights this update started from: w0 for the first update, the previous update's `w` after that. */
  readonly from: Weights;
  /** The penalised data-set loss at `from`. */
  readonly lossFrom: number;
  /** The weights after this update. */
  readonly w: Weights;
  /** The penalised data-set loss at `w`, the weights after this update; NaN when `w` overflowed (is not finite). */
  readonly loss: number;
  /** The gradient the optimizer used: of the penalised loss at `from`, AFTER clipping. */
  readonly dWRec: number;
  /** The gradient the optimizer used (∂/∂w_x at `from`), after clipping. */
  readonly dWX: number;
  /** The penalised gradient at `from` before clipping (equal to dWRec when not clipped). */
  readonly rawDWRec: number;
  /** The penalised gradient at `from` before clipping (equal to dWX when not clipped). */
  readonly rawDWX: number;
  /** The Euclidean norm of the gradient at `from` before clipping. */
  readonly gradNorm: number;
  /** Whether clipping rescaled the gradient this update. */
  readonly clipped: boolean;
}

/**
 * Full-batch training from w0 with the optimizer `start` makes: a generator yielding one {@link TrainStep} per update
 * for as long as the caller takes them. Each update computes the data set's mean loss and exact gradient (plus λ w
 * for the penalty), clips it if `clipNorm` is set, and hands it to the optimizer. Arguments are checked, and the
 * optimizer made, when `trainWith` is called, not on the first update. The loss and gradient at the new weights are
 * computed before the update is yielded (its `loss`, and the next update's starting gradient), so each update costs
 * one gradient evaluation and the first one two. Weights that overflow are yielded as they are, with loss NaN; asking
 * for the update after them throws a RangeError.
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
  let from = w0;
  // E_λ = E + λ/2 (w_rec² + w_x²);   ∂E_λ/∂w = ∂E/∂w + λ w   (l2-penalty)
  let at = penalisedGradient(data, from, objective, penalty);
  for (let iteration = 1; ; iteration++) {
    const { loss: lossFrom, dWRec: rawDWRec, dWX: rawDWX } = at;
    // g ← θ g / ‖g‖ if ‖g‖ > θ   (clip-norm)
    const c =
      clipNorm === undefined
        ? { dWRec: rawDWRec, dWX: rawDWX, norm: Math.hypot(rawDWRec, rawDWX), clipped: false }
        : clipGradient(rawDWRec, rawDWX, clipNorm);
    const w = opt.step(from, c.dWRec, c.dWX);
    const finite = Number.isFinite(w.wRec) && Number.isFinite(w.wX);
    const next = finite ? penalisedGradient(data, w, objective, penalty) : null;
    yield {
      iteration,
      from,
      lossFrom,
      w,
      loss: next === null ? Number.NaN : next.loss,
      dWRec: c.dWRec,
      dWX: c.dWX,
      rawDWRec,
      rawDWX,
      gradNorm: c.norm,
      clipped: c.clipped,
    };
    if (next === null) {
      throw new RangeError(`the weights overflowed at update ${iteration}: there is no gradient to take update ${iteration + 1} from`);
    }
    from = w;
    at = next;
  }
}
