import type { RnnLayer } from './rnnLayer.ts';

/**
 * One forward step of the recurrent layer: writes s_k = f(W_rec s_{k-1} + W_x x_k + b) into `sk`
 * (lm-state, adding-rnn). x_k is a dense vector of length D, or a column index v standing for the one-hot
 * vector e_v, whose product W_x e_v is column v of W_x (the language model's word input; O(H) instead of O(H·D)).
 * Unchecked, for hot loops: callers validate the layer and the input first.
 */
export function rnnStep(layer: RnnLayer, sPrev: Float64Array, xk: ArrayLike<number> | number, sk: Float64Array): void {
  const { H, wRec, wX, b } = layer;
  const D = wX.length / H;
  const tanh = layer.activation === 'tanh';
  // a_k[i] = b[i] + Σ_j W_x[i][j] x_k[j] + Σ_j W_rec[i][j] s_{k-1}[j];  s_k = f(a_k)   (lm-state, adding-rnn)
  for (let i = 0; i < H; i++) {
    let a = b[i];
    if (typeof xk === 'number') a += wX[i * D + xk];
    else for (let j = 0; j < D; j++) a += wX[i * D + j] * xk[j];
    const row = i * H;
    for (let j = 0; j < H; j++) a += wRec[row + j] * sPrev[j];
    sk[i] = tanh ? Math.tanh(a) : a;
  }
}
