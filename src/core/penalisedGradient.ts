import type { Dataset } from './dataset.ts';
import { datasetGradient } from './datasetGradient.ts';
import { l2Penalty } from './l2Penalty.ts';
import type { Objective } from './objective.ts';
import type { Weights } from './weights.ts';
import { assertNonNegative } from './validate.ts';

/**
 * The L2-penalised data-set loss E_λ = E + λ/2 (w_rec² + w_x²) at w and its exact gradient ∂E_λ/∂w = ∂E/∂w + λ w
 * (l2-penalty; E and ∂E/∂w from {@link datasetGradient}, the penalty from {@link l2Penalty}). λ = 0 adds nothing,
 * also where w² overflows and 0 · ∞ would give NaN.
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
  const p = l2Penalty(w, penalty);
  return { loss: g.loss + p.loss, dWRec: g.dWRec + p.dWRec, dWX: g.dWX + p.dWX };
}
