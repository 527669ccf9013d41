import { LSTM_REGRESSION_BLOCKS, type LstmRegression, type LstmRegressionGradients } from './addingModel.ts';
import { lstmBackward } from './lstm.ts';
import type { LstmRegressionTrace } from './lstmRegressionForward.ts';
import { assertFinite } from './validate.ts';
import { zeroGradients } from './zeroGradients.ts';

/** What lstmRegressionBackward returns: the weight gradients, ∂E/∂h_k and ∂E/∂c_k for every step. */
export interface LstmRegressionBackward {
  /** ∂E/∂θ for every block (the `into` accumulator when one was given). */
  readonly grads: LstmRegressionGradients;
  /** dh[k] = ∂E/∂h_k, k = 0 … T (total, through every later step). */
  readonly dh: Float64Array[];
  /** dc[k] = ∂E/∂c_k, k = 0 … T (total, through every later step). */
  readonly dc: Float64Array[];
}

/**
 * Backpropagation through time (`lstmBackward`) for a loss E that depends on the prediction only, given
 * dy = ∂E/∂y (for E = ½(y − t)², dy = y − t). Adds the gradients into `into` if given (it accumulates), else into fresh zeros.
 */
export function lstmRegressionBackward(
  model: LstmRegression,
  trace: LstmRegressionTrace,
  dy: number,
  into?: LstmRegressionGradients,
): LstmRegressionBackward {
  assertFinite(dy, 'dy');
  if (trace === null || typeof trace !== 'object' || trace.cell === null || typeof trace.cell !== 'object') {
    throw new RangeError('trace must come from lstmRegressionForward');
  }
  const { n: T, h } = trace.cell;
  const H = model.hiddenSize;
  const grads = into ?? zeroGradients(model);
  // ∂E/∂h_T = dy w_out; no other h_k is read out   (adding-readout, lstm-bptt-readout)
  const dLdh: Float64Array[] = [];
  for (let k = 0; k <= T; k++) dLdh.push(new Float64Array(H));
  for (let j = 0; j < H; j++) dLdh[T][j] = dy * model.wOut[j];
  const cell = lstmBackward(model, trace.cell, dLdh);
  for (const name of LSTM_REGRESSION_BLOCKS) {
    if (name === 'wOut' || name === 'bOut') continue;
    const g = grads[name];
    const from = cell[name];
    for (let j = 0; j < g.length; j++) g[j] += from[j];
  }
  // ∂E/∂w_out = dy h_T,  ∂E/∂b_out = dy   (adding-readout, lstm-bptt-readout)
  for (let j = 0; j < H; j++) grads.wOut[j] += dy * h[T][j];
  grads.bOut[0] += dy;
  return { grads, dh: cell.dh, dc: cell.dc };
}
