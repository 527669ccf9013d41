import type { RnnRegression } from './addingModel.ts';
import { checkAddingModel } from './checkAddingModel.ts';
import { checkInputSequence } from './checkInputSequence.ts';
import { linearReadout } from './linearReadout.ts';
import { rnnStep } from './rnnStep.ts';

/** Everything rnnRegressionForward computed; h has length T + 1 and h[k] is h_k. */
export interface RnnRegressionTrace {
  /** T, the number of steps. */
  readonly T: number;
  /** x[k − 1] = x_k: the input rows given (not copied: keep them unchanged until the backward pass). */
  readonly x: readonly ArrayLike<number>[];
  /** h[k] = h_k (length H), k = 0 … T; h[0] = h_0 = 0. Rows are views into one buffer. */
  readonly h: Float64Array[];
  /** y = w_outᵀ h_T + b_out, the prediction read at the last step. */
  readonly y: number;
}

/** Runs the tanh RNN over x (x[k − 1] = x_k, a length-D vector) from h_0 = 0 and reads y out of h_T. */
export function rnnRegressionForward(model: RnnRegression, x: readonly ArrayLike<number>[]): RnnRegressionTrace {
  checkAddingModel(model);
  const T = checkInputSequence(x, model.D);
  const { H } = model;
  const buffer = new Float64Array((T + 1) * H);
  const h: Float64Array[] = [];
  for (let k = 0; k <= T; k++) h.push(buffer.subarray(k * H, (k + 1) * H));
  // h_k = tanh(W_rec h_{k-1} + W_x x_k + b)   (adding-rnn, the language model's lm-state)
  for (let k = 1; k <= T; k++) rnnStep(model, h[k - 1], x[k - 1], h[k]);
  // y = w_outᵀ h_T + b_out   (adding-readout)
  const y = linearReadout(model.wOut, model.bOut, h[T]);
  return { T, x, h, y };
}
