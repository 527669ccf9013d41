import type { Dataset } from './dataset.ts';
import { datasetGradient } from './datasetGradient.ts';
import type { Objective } from './objective.ts';
import type { Weights } from './weights.ts';
import { assertNonNegative } from './validate.ts';

/**
 * The L2-penalised data-set loss E_λ = E + λ/2 (w_rec² + w_x²) at w and its exact gradient ∂E_λ/∂w = ∂E/∂w + λ w
 * (E and ∂E/∂w from {@link datasetGradient}). λ = 0 adds nothing, also where w² overflows and 0 · ∞ would give NaN.
 */
export function penalisedGradient(
  data: Dataset,
  w: Weights,
  objective: Objective,
  penalty: number,
): { loss: number; dWRec: number; dWX: number } {
  assertNonNegative(penalty, 'penalty');
  const g = datasetGradient(data, w, objective);
  if (penalty === 0) return g;
  return {
    loss: g.loss + 0.5 * penalty * (w.wRec * w.wRec + w.wX * w.wX),
    dWRec: g.dWRec + penalty * w.wRec,
    dWX: g.dWX + penalty * w.wX,
  };
}
