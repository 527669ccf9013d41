import type { Optimizer } from './optimizer.ts';
import { assertFinite, assertPositive, describeValue } from './validate.ts';
import { RPROP_DEFAULTS } from './optimizerDefaults.ts';

/** Resilient propagation, the iRprop− variant (Igel & Hüsken 2000): one step size per weight, moved by the gradient's sign. */
export interface RpropConfig {
  readonly kind: 'rprop';
  /** η+ > 1: step growth when the gradient keeps its sign. */
  readonly etaPlus?: number;
  /** η− in (0, 1): step shrink when the gradient changes sign. */
  readonly etaMinus?: number;
  /** Δ_0, the first step size of each weight (minStep ≤ Δ_0 ≤ maxStep). */
  readonly initialStep?: number;
  /** Δ_min > 0. */
  readonly minStep?: number;
  /** Δ_max ≥ Δ_min. */
  readonly maxStep?: number;
}

/**
 * An iRprop− optimizer. For each weight with gradient g and previous gradient g′ (0 at first):
 * g·g′ > 0 → Δ ← min(η+ Δ, Δ_max); g·g′ < 0 → Δ ← max(η− Δ, Δ_min) and g ← 0 (the weight does not move);
 * then w ← w − sign(g) Δ and g′ ← g.
 */
export function rprop(config: RpropConfig): Optimizer {
  const d = RPROP_DEFAULTS;
  const etaPlus = assertFinite(config.etaPlus ?? d.etaPlus, 'optimizer.etaPlus');
  if (!(etaPlus > 1)) throw new RangeError(`optimizer.etaPlus must be greater than 1, got ${describeValue(etaPlus)}`);
  const etaMinus = assertFinite(config.etaMinus ?? d.etaMinus, 'optimizer.etaMinus');
  if (!(etaMinus > 0 && etaMinus < 1)) {
    throw new RangeError(`optimizer.etaMinus must be between 0 and 1 (exclusive), got ${describeValue(etaMinus)}`);
  }
  const minStep = assertPositive(config.minStep ?? d.minStep, 'optimizer.minStep');
  const maxStep = assertPositive(config.maxStep ?? d.maxStep, 'optimizer.maxStep');
  if (maxStep < minStep) {
    throw new RangeError(`optimizer.maxStep must be at least minStep = ${minStep}, got ${describeValue(maxStep)}`);
  }
  const initialStep = assertPositive(config.initialStep ?? d.initialStep, 'optimizer.initialStep');
  if (initialStep < minStep || initialStep > maxStep) {
    throw new RangeError(
      `optimizer.initialStep must be between minStep = ${minStep} and maxStep = ${maxStep}, got ${describeValue(initialStep)}`,
    );
  }
  const step = [initialStep, initialStep]; // Δ for [w_rec, w_x]
  const previous = [0, 0]; // g′ for [w_rec, w_x]

  function update(i: number, weight: number, g: number): number {
    const product = g * previous[i];
    if (product > 0) {
      // same sign: Δ ← min(η+ Δ, Δ_max)   (training-rprop)
      step[i] = Math.min(step[i] * etaPlus, maxStep);
    } else if (product < 0) {
      // sign change: Δ ← max(η− Δ, Δ_min), forget g so the next update neither grows nor shrinks Δ   (training-rprop)
      step[i] = Math.max(step[i] * etaMinus, minStep);
      g = 0;
    }
    previous[i] = g;
    // w ← w − sign(g) Δ   (training-rprop)
    return weight - Math.sign(g) * step[i];
  }

  return {
    step: (w, dWRec, dWX) => ({ wRec: update(0, w.wRec, dWRec), wX: update(1, w.wX, dWX) }),
  };
}
