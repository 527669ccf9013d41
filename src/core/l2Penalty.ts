import type { Weights } from './weights.ts';

/**
 * The L2 penalty λ/2 (w_rec² + w_x²) and its gradient λ w   (l2-penalty), with λ = `penalty`. λ = 0 gives exact
 * zeros, also where w² overflows and 0 · ∞ would give NaN. Unchecked: callers check λ ≥ 0.
 */
export function l2Penalty(w: Weights, penalty: number): { loss: number; dWRec: number; dWX: number } {
  if (penalty === 0) return { loss: 0, dWRec: 0, dWX: 0 };
  return {
    loss: 0.5 * penalty * (w.wRec * w.wRec + w.wX * w.wX),
    dWRec: penalty * w.wRec,
    dWX: penalty * w.wX,
  };
}
