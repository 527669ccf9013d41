import { describeValue } from './validate.ts';

/**
 * Global-norm clipping over a list of gradient blocks (Pascanu et al. 2013): when ‖g‖ = sqrt(Σ_blocks Σ_i g_i²)
 * exceeds maxNorm, scales every block in place by maxNorm / ‖g‖   (clip-norm). Returns ‖g‖ before clipping.
 * maxNorm = Infinity never clips.
 */
export function clipGlobalNorm(blocks: readonly Float64Array[], maxNorm: number): number {
  if (typeof maxNorm !== 'number' || !(maxNorm > 0)) {
    throw new RangeError(`maxNorm must be a number > 0 (or Infinity), got ${describeValue(maxNorm)}`);
  }
  let sum = 0;
  for (const g of blocks) for (let i = 0; i < g.length; i++) sum += g[i] * g[i];
  const norm = Math.sqrt(sum);
  if (norm > maxNorm) {
    // g ← θ g / ‖g‖ with θ = maxNorm   (clip-norm)
    const scale = maxNorm / norm;
    for (const g of blocks) for (let i = 0; i < g.length; i++) g[i] *= scale;
  }
  return norm;
}
