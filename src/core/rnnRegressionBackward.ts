import type { RnnRegression, RnnRegressionGradients } from './addingModel.ts';
import type { RnnRegressionTrace } from './rnnRegressionForward.ts';
import { rnnStepBackward } from './rnnStepBackward.ts';
import { assertFinite } from './validate.ts';
import { zeroGradients } from './zeroGradients.ts';

/** What rnnRegressionBackward returns: the weight gradients and ∂E/∂h_k for every step. */
export interface RnnRegressionBackward {
  /** ∂E/∂θ for every block (the `into` accumulator when one was given). */
  readonly grads: RnnRegressionGradients;
  /** dh[k] = ∂E/∂h_k, k = 0 … T (total, through every later step). */
  readonly dh: Float64Array[];
}

/**
 * Backpropagation through time for a loss E that depends on the prediction only, given dy = ∂E/∂y
 * (for E = ½(y − t)², dy = y − t). Adds the gradients into `into` if given (it accumulates), else into fresh zeros.
 */
export function rnnRegressionBackward(
  model: RnnRegression,
  trace: RnnRegressionTrace,
  dy: number,
  into?: RnnRegressionGradients,
): RnnRegressionBackward {
  assertFinite(dy, 'dy');
  if (trace === null || typeof trace !== 'object' || !Array.isArray(trace.h) || trace.h[0]?.length !== model.H) {
    throw new RangeError(`trace must come from rnnRegressionForward with this model (H = ${model.H})`);
  }
  const { T, x, h } = trace;
  const { H } = model;
  const grads = into ?? zeroGradients(model);
  const buffer = new Float64Array((T + 1) * H);
  const dh: Float64Array[] = [];
  for (let k = 0; k <= T; k++) dh.push(buffer.subarray(k * H, (k + 1) * H));
  const g = new Float64Array(H);
  // ∂E/∂w_out = dy h_T,  ∂E/∂b_out = dy,  ∂E/∂h_T = dy w_out   (adding-readout)
  for (let j = 0; j < H; j++) {
    grads.wOut[j] += dy * h[T][j];
    dh[T][j] = dy * model.wOut[j];
  }
  grads.bOut[0] += dy;
  // g_k = (1 − h_k²) ⊙ ∂E/∂h_k;  ∂E/∂W_rec += g_k h_{k-1}ᵀ, ∂E/∂W_x += g_k x_kᵀ, ∂E/∂b += g_k;
  // ∂E/∂h_{k-1} = W_recᵀ g_k: no other path, as only h_T is read out   (lm-delta, lm-grad-state)
  for (let k = T; k >= 1; k--) rnnStepBackward(model, h[k - 1], h[k], x[k - 1], dh[k], g, grads, dh[k - 1]);
  return { grads, dh };
}
