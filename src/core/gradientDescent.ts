import type { Optimizer } from './optimizer.ts';
import { assertPositive } from './validate.ts';

/** Plain gradient descent: w ← w − η ∂E/∂w. */
export interface GradientDescentConfig {
  readonly kind: 'gd';
  /** η > 0. */
  readonly learningRate?: number;
}

/** Default hyper-parameters of gradient descent (η suits the counting data set's steep 'final' loss). */
export const GRADIENT_DESCENT_DEFAULTS = { learningRate: 0.001 } as const;

/** A gradient-descent optimizer: w ← w − η ∂E/∂w. */
export function gradientDescent(config: GradientDescentConfig): Optimizer {
  const learningRate = assertPositive(
    config.learningRate ?? GRADIENT_DESCENT_DEFAULTS.learningRate,
    'optimizer.learningRate',
  );
  return {
    // w ← w − η ∂E/∂w
    step: (w, dWRec, dWX) => ({ wRec: w.wRec - learningRate * dWRec, wX: w.wX - learningRate * dWX }),
  };
}
