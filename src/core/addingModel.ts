/**
 * The two models raced on the adding problem, with the same linear readout on the last state:
 *
 *   tanh RNN   h_k = tanh(W_rec h_{k-1} + W_x x_k + b)   (adding-rnn: the language model's layer, lm-state)
 *   LSTM       h_k from (lstm-gates), (lstm-cell), (lstm-output)
 *   readout    y = w_outᵀ h_T + b_out                    (adding-readout)
 *
 * Every weight is a Float64Array block (b_out one of length 1), so one Adam and one norm clip serve both.
 */
import type { LstmBlocks, LstmParams } from './lstm.ts';
import type { RnnLayer } from './rnnLayer.ts';

/** The linear readout y = w_outᵀ h_T + b_out (adding-readout): w_out of length H, b_out of length 1. */
export interface Readout {
  readonly wOut: Float64Array;
  readonly bOut: Float64Array;
}

/** The tanh RNN with a linear readout: the recurrent layer the language model uses, with D inputs per step. */
export interface RnnRegression extends RnnLayer, Readout {
  readonly kind: 'rnn';
  /** D, the length of each input x_k (2 for the adding problem). */
  readonly D: number;
}

/** The LSTM with a linear readout: one cell (src/core/lstm.ts) whose weights are all Float64Arrays. */
export type LstmRegression = LstmParams & LstmBlocks & Readout & { readonly kind: 'lstm' };

/** Either model of the race. */
export type AddingModel = RnnRegression | LstmRegression;

/** The tanh RNN's weight blocks, in the order the optimizer sees them. */
export const RNN_REGRESSION_BLOCKS = ['wRec', 'wX', 'b', 'wOut', 'bOut'] as const;

/** The LSTM's weight blocks, in the order the optimizer sees them. */
export const LSTM_REGRESSION_BLOCKS = ['wF', 'wI', 'wO', 'wC', 'bF', 'bI', 'bO', 'bC', 'wOut', 'bOut'] as const;

/** Each model kind's weight blocks, in the order the optimizer sees them. */
export const ADDING_BLOCKS = { rnn: RNN_REGRESSION_BLOCKS, lstm: LSTM_REGRESSION_BLOCKS } as const;

/** ∂E/∂θ for every block θ of the tanh RNN (same names and lengths as its weights). */
export type RnnRegressionGradients = { readonly [K in (typeof RNN_REGRESSION_BLOCKS)[number]]: Float64Array };

/** ∂E/∂θ for every block θ of the LSTM (same names and lengths as its weights). */
export type LstmRegressionGradients = { readonly [K in (typeof LSTM_REGRESSION_BLOCKS)[number]]: Float64Array };

/** The gradients of a model of kind M. */
export type AddingGradients<M extends AddingModel = AddingModel> = M extends RnnRegression
  ? RnnRegressionGradients
  : LstmRegressionGradients;

/** Largest hidden size of either model (the LSTM's bound, LSTM_MAX_HIDDEN). */
export const ADDING_MAX_HIDDEN = 64;
