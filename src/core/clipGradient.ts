import { assertPositive } from './validate.ts';

/** A gradient after norm clipping: the (possibly rescaled) components, the norm before clipping, and whether it was rescaled. */
export interface ClippedGradient {
  readonly dWRec: number;
  readonly dWX: number;
  readonly norm: number;
  readonly clipped: boolean;
}

/**
 * Rescales (∂E/∂w_rec, ∂E/∂w_x) to Euclidean norm `maxNorm` when its norm exceeds it (Pascanu et al. 2013).
 * An overflowed gradient (a component ±Infinity) keeps its direction: the infinite components' signs, scaled
 * to maxNorm. A NaN component is passed through unchanged.
 */
export function clipGradient(dWRec: number, dWX: number, maxNorm: number): ClippedGradient {
  assertPositive(maxNorm, 'clipNorm');
  const norm = Math.hypot(dWRec, dWX);
  if (!(norm > maxNorm)) return { dWRec, dWX, norm, clipped: false };
  if (norm === Infinity) {
    // direction of an overflowed gradient: only its infinite components count
    const uRec = Number.isFinite(dWRec) ? 0 : Math.sign(dWRec);
    const uX = Number.isFinite(dWX) ? 0 : Math.sign(dWX);
    const scale = maxNorm / Math.hypot(uRec, uX);
    return { dWRec: uRec * scale, dWX: uX * scale, norm, clipped: true };
  }
  // g ← θ g / ‖g‖ with θ = maxNorm   (clip-norm)
  const scale = maxNorm / norm;
  return { dWRec: dWRec * scale, dWX: dWX * scale, norm, clipped: true };
}
