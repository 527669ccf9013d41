import type { LmWeights } from './params.ts';
import { WEIGHT_NAMES } from './params.ts';

/** The global norm ‖g‖ = sqrt(Σ over all five arrays of Σ_i g_i²). */
export function gradientNorm(grads: LmWeights): number {
  let sum = 0;
  for (const name of WEIGHT_NAMES) {
    const g = grads[name];
    for (let i = 0; i < g.length; i++) sum += g[i] * g[i];
  }
  return Math.sqrt(sum);
}

/** Scales every gradient in place by maxNorm / ‖g‖ when the global norm ‖g‖ exceeds maxNorm; returns ‖g‖ before clipping. */
export function clipGradients(grads: LmWeights, maxNorm: number): number {
  if (!(maxNorm > 0) || !Number.isFinite(maxNorm)) {
    throw new RangeError(`maxNorm must be a finite number > 0, got ${String(maxNorm)}`);
  }
  const norm = gradientNorm(grads);
  if (norm > maxNorm) {
    const scale = maxNorm / norm;
    for (const name of WEIGHT_NAMES) {
      const g = grads[name];
      for (let i = 0; i < g.length; i++) g[i] *= scale;
    }
  }
  return norm;
}
