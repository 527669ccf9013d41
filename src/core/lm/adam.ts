/**
 * Adam for the language model: the core's one Adam (src/core/adam.ts, Kingma & Ba 2015) over the five weight
 * arrays, in the order of WEIGHT_NAMES.
 */
import type { Adam, AdamOptions } from '../adam.ts';
import { adam } from '../adam.ts';
import type { Params, LmWeights } from './params.ts';
import { checkSizes, WEIGHT_NAMES } from './params.ts';

export type { AdamOptions } from '../adam.ts';

/** Adam's running state for the five weight arrays (moments m, v in WEIGHT_NAMES order, step count t, step size). */
export type AdamState = Adam;

/** A fresh Adam state (zero moments, t = 0) for parameters of sizes H, V; the step size defaults to 0.01. */
export function createAdam(H: number, V: number, options: AdamOptions = {}): AdamState {
  checkSizes(H, V);
  // block sizes of wRec, wX, b, wY, bY
  return adam([H * H, H * V, H, V * H, V], { ...options, learningRate: options.learningRate ?? 0.01 }, '');
}

/** One Adam update of `params` in place from the gradients `grads`. */
export function adamStep(params: Params, grads: LmWeights, state: AdamState): void {
  state.step(
    WEIGHT_NAMES.map((name) => params[name]),
    WEIGHT_NAMES.map((name) => grads[name]),
  );
}
