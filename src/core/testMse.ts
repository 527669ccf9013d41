import type { AddingBatch } from './addingProblem.ts';
import type { AddingModel } from './addingModel.ts';
import { addingPredict } from './addingPredict.ts';

/** The mean squared error (1/N) Σ_b (y_b − t_b)² of either model over the N sequences of `testSet`   (adding-mse). */
export function testMse(model: AddingModel, testSet: AddingBatch): number {
  const { B, x, t } = testSet;
  let sum = 0;
  for (let b = 0; b < B; b++) {
    const e = addingPredict(model, x[b]) - t[b];
    sum += e * e;
  }
  return sum / B;
}
