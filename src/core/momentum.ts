import type { Optimizer } from './optimizer.ts';
import { assertFinite, assertPositive, describeValue } from './validate.ts';
import { MOMENTUM_DEFAULTS } from './optimizerDefaults.ts';

/** Gradient descent with momentum (Polyak 1964): v ← μ v − η ∂E/∂w, w ← w + v. */
export interface MomentumConfig {
  readonly kind: 'momentum';
  /** η > 0. */
  readonly learningRate?: number;
  /** μ in [0, 1). */
  readonly momentum?: number;
}

/** A momentum optimizer with velocity v starting at 0: v ← μ v − η ∂E/∂w, w ← w + v. */
export function momentum(config: MomentumConfig): Optimizer {
  const learningRate = assertPositive(config.learningRate ?? MOMENTUM_DEFAULTS.learningRate, 'optimizer.learningRate');
  const mu = assertFinite(config.momentum ?? MOMENTUM_DEFAULTS.momentum, 'optimizer.momentum');
  if (mu < 0 || mu >= 1) {
    throw new RangeError(`optimizer.momentum must be at least 0 and less than 1, got ${describeValue(mu)}`);
  }
  let vRec = 0;
  let vX = 0;
  return {
    step(w, dWRec, dWX) {
      // v ← μ v − η ∂E/∂w;   w ← w + v   (training-momentum)
      vRec = mu * vRec - learningRate * dWRec;
      vX = mu * vX - learningRate * dWX;
      return { wRec: w.wRec + vRec, wX: w.wX + vX };
    },
  };
}
