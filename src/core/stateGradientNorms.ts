import type { AddingModel } from './addingModel.ts';
import { lstmRegressionBackward } from './lstmRegressionBackward.ts';
import { lstmRegressionForward } from './lstmRegressionForward.ts';
import { rnnRegressionBackward } from './rnnRegressionBackward.ts';
import { rnnRegressionForward } from './rnnRegressionForward.ts';
import { assertFinite } from './validate.ts';

/**
 * For one sequence x with target t and E = ½(y − t)² (adding-loss), the norm of the gradient with respect to the
 * memory at every step k = 0 … T (index k): ‖∂E/∂c_k‖ for the LSTM (its cell state), ‖∂E/∂h_k‖ for the tanh RNN.
 */
export function stateGradientNorms(model: AddingModel, x: readonly ArrayLike<number>[], t: number): Float64Array {
  assertFinite(t, 't');
  let rows: Float64Array[];
  if (model.kind === 'rnn') {
    const trace = rnnRegressionForward(model, x);
    rows = rnnRegressionBackward(model, trace, trace.y - t).dh;
  } else {
    const trace = lstmRegressionForward(model, x);
    rows = lstmRegressionBackward(model, trace, trace.y - t).dc;
  }
  const norms = new Float64Array(rows.length);
  for (let k = 0; k < rows.length; k++) {
    let sum = 0;
    for (let j = 0; j < rows[k].length; j++) sum += rows[k][j] * rows[k][j];
    norms[k] = Math.sqrt(sum);
  }
  return norms;
}
