import type { AddingBatch } from './addingProblem.ts';

/**
 * The test MSE of the best constant prediction on `testSet`, its mean target t̄: (1/N) Σ_b (t_b − t̄)², the variance
 * of the targets. The race's baseline: a model that ignores its inputs scores this, ≈ Var(u + u') = 2/12 (adding-data).
 */
export function constantPredictorMse(testSet: AddingBatch): number {
  const { B, t } = testSet;
  // t̄ = (1/N) Σ_b t_b
  let mean = 0;
  for (let b = 0; b < B; b++) mean += t[b];
  mean /= B;
  // (1/N) Σ_b (t_b − t̄)²
  let sum = 0;
  for (let b = 0; b < B; b++) sum += (t[b] - mean) * (t[b] - mean);
  return sum / B;
}
