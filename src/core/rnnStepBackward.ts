import type { RnnLayer, RnnLayerGradients } from './rnnLayer.ts';

/**
 * One backward step of the recurrent layer, from d = ∂E/∂s_k (or the part of it being carried back):
 * writes δa_k = f'(a_k) ⊙ d (= ∂E/∂a_k) into the scratch `g` (length H); unless `grads` is null adds
 * ∂E/∂W_rec += δa_k s_{k-1}ᵀ, ∂E/∂W_x += δa_k x_kᵀ, ∂E/∂b += δa_k (lm-grad-state); unless `dsPrev` is null
 * writes into it W_recᵀ δa_k, the part of ∂E/∂s_{k-1} that flows back through the recurrence (lm-delta).
 * x_k is a dense vector or a one-hot column index, as in rnnStep. Unchecked, for hot loops.
 */
export function rnnStepBackward(
  layer: RnnLayer,
  sPrev: Float64Array,
  sk: Float64Array,
  xk: ArrayLike<number> | number,
  d: ArrayLike<number>,
  g: Float64Array,
  grads: RnnLayerGradients | null,
  dsPrev: Float64Array | null,
): void {
  const { H, wRec } = layer;
  const tanh = layer.activation === 'tanh';
  // δa_k = f'(a_k) ⊙ d,  f'(a_k) = 1 − s_k² (tanh, s_k = tanh a_k) or 1 (identity)
  for (let i = 0; i < H; i++) g[i] = tanh ? (1 - sk[i] * sk[i]) * d[i] : d[i];
  if (grads !== null) {
    const D = layer.wX.length / H;
    // ∂E/∂W_rec += δa_k s_{k-1}ᵀ,  ∂E/∂W_x += δa_k x_kᵀ (column x_k only when one-hot),  ∂E/∂b += δa_k   (lm-grad-state)
    for (let i = 0; i < H; i++) {
      const gi = g[i];
      const row = i * H;
      grads.b[i] += gi;
      if (typeof xk === 'number') grads.wX[i * D + xk] += gi;
      else for (let j = 0; j < D; j++) grads.wX[i * D + j] += gi * xk[j];
      for (let j = 0; j < H; j++) grads.wRec[row + j] += gi * sPrev[j];
    }
  }
  if (dsPrev !== null) {
    // ∂E/∂s_{k-1} (through the recurrence) = W_recᵀ δa_k:  dsPrev[j] = Σ_i W_rec[i][j] δa_k[i]
    dsPrev.fill(0);
    for (let i = 0; i < H; i++) {
      const gi = g[i];
      const row = i * H;
      for (let j = 0; j < H; j++) dsPrev[j] += wRec[row + j] * gi;
    }
  }
}
