import type { LstmRegression } from './addingModel.ts';
import { linearReadout } from './linearReadout.ts';
import { lstmForward, type LstmTrace } from './lstm.ts';
import { assertVector } from './validate.ts';

/** What lstmRegressionForward computed: the cell's trace (every gate and state per step) and the prediction. */
export interface LstmRegressionTrace {
  /** The trace of `lstmForward`: h[k], c[k], the gates, k = 0 … T. */
  readonly cell: LstmTrace;
  /** y = w_outᵀ h_T + b_out, the prediction read at the last step. */
  readonly y: number;
}

/** Runs the LSTM (`lstmForward`, from h_0 = c_0 = 0) over x (x[k − 1] = x_k, a length-D vector) and reads y out of h_T. */
export function lstmRegressionForward(model: LstmRegression, x: readonly ArrayLike<number>[]): LstmRegressionTrace {
  // lstmForward checks the cell's weights and x; the readout is checked here
  assertVector(model.wOut, model.hiddenSize, 'model.wOut');
  assertVector(model.bOut, 1, 'model.bOut');
  if (Array.isArray(x) && x.length === 0) throw new RangeError('x must have at least 1 step, got an empty sequence');
  const cell = lstmForward(model, x);
  // y = w_outᵀ h_T + b_out   (adding-readout)
  return { cell, y: linearReadout(model.wOut, model.bOut, cell.h[cell.n]) };
}
