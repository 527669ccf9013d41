import { ADDING_BLOCKS, type AddingModel } from '~/core/addingModel.ts';
import { centralDifference } from './lm/fixtures.ts';

/** ∂f/∂w[i] by the five-point central difference: the language model's tests' own, O(h⁴) with h = 1e-3. */
export { centralDifference };

/** The gradient-check tolerance: |a − b| / max(|a|, |b|, FLOOR) ≤ REL. */
export const REL = 1e-6;
/** The floor of the relative error: an absolute tolerance of REL · FLOOR = 1e-10 for gradients near 0. */
export const FLOOR = 1e-4;

/** |a − b| / max(|a|, |b|, floor). */
export function relErr(a: number, b: number, floor = FLOOR): number {
  return Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), floor);
}

/** The model's weight blocks by name, in the optimizer's order. */
export function blocksOf(model: AddingModel): Array<[string, Float64Array]> {
  const named = model as unknown as Record<string, Float64Array>;
  return ADDING_BLOCKS[model.kind].map((name) => [name, named[name]]);
}

/**
 * The largest relative error between `grads` and central differences of `loss` over every entry of every weight
 * block of `model`; throws with the entry's name at the first error above REL, so a failure says where.
 */
export function worstGradientError(model: AddingModel, grads: object, loss: () => number): number {
  const g = grads as Record<string, Float64Array>;
  let worst = 0;
  for (const [name, w] of blocksOf(model)) {
    for (let i = 0; i < w.length; i++) {
      const numeric = centralDifference(loss, w, i);
      const err = relErr(g[name][i], numeric);
      if (!(err <= REL)) throw new Error(`${model.kind} ${name}[${i}]: analytic ${g[name][i]}, numeric ${numeric}, rel ${err}`);
      worst = Math.max(worst, err);
    }
  }
  return worst;
}
