/**
 * The recurrent layer shared by the language model (src/core/lm) and the tanh RNN of the adding problem:
 *
 *   s_k = f(a_k),  a_k = W_rec s_{k-1} + W_x x_k + b   (lm-state; the adding problem writes h_k for s_k, adding-rnn)
 *
 * with f = tanh or the identity. W_rec is H × H and W_x is H × D, both row-major: wRec[i * H + j] multiplies
 * s_{k-1}[j] and wX[i * D + j] multiplies x_k[j] in unit i. D is not stored: it is wX.length / H.
 */

/** A recurrent layer's sizes, nonlinearity and weights (the language model's Params is one, with D = V). */
export interface RnnLayer {
  /** H, the number of units. */
  readonly H: number;
  /** The state nonlinearity f. */
  readonly activation: 'tanh' | 'identity';
  /** W_rec, H × H, row-major. */
  readonly wRec: Float64Array;
  /** W_x, H × D, row-major. */
  readonly wX: Float64Array;
  /** b, length H. */
  readonly b: Float64Array;
}

/** Gradient accumulators for a layer's weights: the same shapes as W_rec, W_x and b. */
export interface RnnLayerGradients {
  readonly wRec: Float64Array;
  readonly wX: Float64Array;
  readonly b: Float64Array;
}
