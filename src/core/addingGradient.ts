import type { AddingBatch } from './addingProblem.ts';
import type { AddingGradients, AddingModel, LstmRegressionGradients, RnnRegressionGradients } from './addingModel.ts';
import { lstmRegressionBackward } from './lstmRegressionBackward.ts';
import { lstmRegressionForward } from './lstmRegressionForward.ts';
import { rnnRegressionBackward } from './rnnRegressionBackward.ts';
import { rnnRegressionForward } from './rnnRegressionForward.ts';

/**
 * The batch loss L = (1/B) Σ_b ½(y_b − t_b)² of either model (adding-loss) and its gradient: `grads` is reset and
 * filled with ∂L/∂θ for every block (each sequence's BPTT seeded with dy = (y_b − t_b)/B). Returns L.
 */
export function addingGradient<M extends AddingModel>(model: M, batch: AddingBatch, grads: AddingGradients<M>): number {
  const blocks = grads as unknown as Readonly<Record<string, Float64Array>>;
  for (const name in blocks) blocks[name].fill(0);
  const { B, x, t } = batch;
  let L = 0;
  for (let b = 0; b < B; b++) {
    if (model.kind === 'rnn') {
      const trace = rnnRegressionForward(model, x[b]);
      const e = trace.y - t[b];
      L += 0.5 * e * e;
      // ∂L/∂y_b = (y_b − t_b) / B   (adding-loss)
      rnnRegressionBackward(model, trace, e / B, grads as unknown as RnnRegressionGradients);
    } else {
      const trace = lstmRegressionForward(model, x[b]);
      const e = trace.y - t[b];
      L += 0.5 * e * e;
      lstmRegressionBackward(model, trace, e / B, grads as unknown as LstmRegressionGradients);
    }
  }
  return L / B;
}
