import type { Optimizer } from './optimizer.ts';
import { assertPositive } from './validate.ts';
import { GRADIENT_DESCENT_DEFAULTS } from './optimizerDefaults.ts';

/** Plain gradient descent: w ← w − η ∂E/∂w. */
export interface GradientDescentConfig {
  readonly kind: 'gd';
  /** η > 0. */
  readonly learningRate?: number;
}

/** A gradient-descent optimizer: w ← w − η ∂E/∂w. */
export function gradientDescent(config: GradientDescentConfig): Optimizer {
  const learningRate = assertPositive(
    config.learningRate ?? GRADIENT_DESCENT_DEFAULTS.learningRate,
    'optimizer.learningRate',
  );
  return {
    // w ← w − η ∂E/∂w   (training-gd)
    step: (w, dWRec, dWX) => ({ wRec: w.wRec - learningRate * dWRec, wX: w.wX - learningRate * dWX }),
  };
}
