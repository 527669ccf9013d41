import { gradientDescent, trainWith, type Dataset, type Objective, type TrainStep, type Weights } from '~/core';

/** Iterations each run of the clipping cell goes to. */
export const CLIP_ITERATIONS = 500;

/** One gradient-descent run of the clipping cell: the loss after every iteration and where it ended. */
export interface ClipRun {
  /** The loss at the weights after each iteration: index 0 at the start, index k after k updates; NaN past the end. */
  readonly loss: Float64Array;
  /** The last update: its `w` is where the run ended and its `loss` the loss there (NaN if `w` overflowed). */
  readonly last: TrainStep;
  /** The first iteration whose new weights were not finite, or 0. */
  readonly overflowAt: number;
  /** How many updates had their gradient rescaled. */
  readonly clippedCount: number;
}

/**
 * Gradient descent from `start` with learning rate `lr`, with the gradient clipped at norm `clipNorm` (none when
 * undefined): the core's trainWith() for up to CLIP_ITERATIONS updates, stopping once the weights overflow. The
 * clipping cell and the chapter's prose both run it, so the prose states what the cell shows.
 */
export function clipRun(data: Dataset, start: Weights, lr: number, objective: Objective, clipNorm: number | undefined): ClipRun {
  const loss = new Float64Array(CLIP_ITERATIONS + 1).fill(Number.NaN);
  let last: TrainStep | undefined;
  let overflowAt = 0;
  let clippedCount = 0;
  for (const step of trainWith(data, start, () => gradientDescent({ kind: 'gd', learningRate: lr }), { objective, clipNorm })) {
    if (step.iteration === 1) loss[0] = step.lossFrom;
    loss[step.iteration] = step.loss;
    last = step;
    if (step.clipped) clippedCount++;
    if (!Number.isFinite(step.w.wRec) || !Number.isFinite(step.w.wX)) {
      overflowAt = step.iteration;
      break;
    }
    if (step.iteration >= CLIP_ITERATIONS) break;
  }
  return { loss, last: last!, overflowAt, clippedCount };
}
