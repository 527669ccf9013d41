/**
 * Forward pass of the vector recurrent language model.
 *
 *   s_k = f(a_k),  a_k = W_rec s_{k-1} + W_x x_k + b,  s_0 = 0   (lm-state, which the page writes with f = tanh)
 *         f = tanh or the identity; x_k one-hot, so W_x x_k is column x_k of W_x
 *   y_k = softmax(W_y s_k + b_y)             (lm-output)
 *   E   = Σ_k E_k,  E_k = −log y_k[next_k]   (lm-loss)   summed over the n steps of a sentence
 *
 * A sentence is a token list t_0 … t_n (`<s>`, its words, `</s>`): the input at step k is x_k = t_{k-1}
 * and the word to predict is next_k = t_k, for k = 1 … n.
 */
import type { Params } from './params.ts';
import { rnnStep } from '../rnnStep.ts';
import { softmaxInto } from './softmax.ts';

/** Everything the forward pass computed for one sentence; arrays indexed by step have length n + 1. */
export interface LmForward {
  /** Number of predictions n (tokens.length − 1). */
  readonly n: number;
  /** The tokens t_0 … t_n the pass was run on. */
  readonly tokens: readonly number[];
  /** s[k] is the state s_k (length H); s[0] is s_0 = 0. */
  readonly s: Float64Array[];
  /** y[k] is the distribution y_k over the next word (length V); y[0] is empty (no output at step 0). */
  readonly y: Float64Array[];
  /** E = Σ_k −log y_k[next_k], summed (not averaged) over the n steps. */
  readonly loss: number;
}

/** Throws a RangeError unless every entry of `indices` is an integer word index in [0, V). */
export function checkIndices(params: Params, indices: readonly number[], name: string, minLength: number): void {
  if (!Array.isArray(indices)) throw new RangeError(`${name} must be an array of word indices, got ${typeof indices}`);
  if (indices.length < minLength) {
    throw new RangeError(
      indices.length === 0
        ? `${name} is empty (an empty sentence): it must hold at least ${minLength} word ${minLength === 1 ? 'index' : 'indices'}`
        : `${name} must hold at least ${minLength} word indices, got ${indices.length}`,
    );
  }
  for (let i = 0; i < indices.length; i++) {
    const t = indices[i];
    if (!Number.isInteger(t) || t < 0 || t >= params.V) {
      throw new RangeError(`${name}[${i}] must be a word index from 0 to ${params.V - 1}, got ${String(t)}`);
    }
  }
}

/** Writes s_k = f(W_rec s_{k-1} + W_x x_k + b) into `sk` for the word index xk   (lm-state). */
export function stepState(params: Params, sPrev: Float64Array, xk: number, sk: Float64Array): void {
  // The layer step shared with the adding problem's RNN; a word index is the one-hot x_k, so W_x x_k is column x_k of W_x.
  rnnStep(params, sPrev, xk, sk);
}

/** Writes the logits z = W_y s + b_y into `z` (length V). */
export function logitsInto(params: Params, s: Float64Array, z: Float64Array): void {
  const { H, V, wY, bY } = params;
  // z[v] = Σ_j W_y[v][j] s[j] + b_y[v]   (lm-output, before the softmax)
  for (let v = 0; v < V; v++) {
    let sum = bY[v];
    const row = v * H;
    for (let j = 0; j < H; j++) sum += wY[row + j] * s[j];
    z[v] = sum;
  }
}

/** Runs the model over a sentence's tokens t_0 … t_n (n ≥ 1): states, output distributions and the summed loss E. */
export function lmForward(params: Params, tokens: readonly number[]): LmForward {
  checkIndices(params, tokens, 'tokens', 2);
  const { H, V } = params;
  const n = tokens.length - 1;
  const s: Float64Array[] = [];
  const y: Float64Array[] = [new Float64Array(0)];
  for (let k = 0; k <= n; k++) s.push(new Float64Array(H));
  for (let k = 1; k <= n; k++) y.push(new Float64Array(V));
  const z = new Float64Array(V);
  let loss = 0;
  // s_k = f(W_rec s_{k-1} + W_x x_k + b),  y_k = softmax(W_y s_k + b_y),  E += −log y_k[next_k]   (lm-state, lm-output, lm-loss)
  for (let k = 1; k <= n; k++) {
    stepState(params, s[k - 1], tokens[k - 1], s[k]);
    logitsInto(params, s[k], z);
    // −log y_k[next_k] = log Σ_v exp(z_v) − z_{next_k}: no log of a probability that may underflow to 0
    loss += softmaxInto(z, y[k]) - z[tokens[k]];
  }
  return { n, tokens: tokens.slice(), s, y, loss };
}

/** The states s_0 … s_n after reading the word indices x_1 … x_n (s[0] = 0): one heat-strip column per word. */
export function hiddenStates(params: Params, inputs: readonly number[]): Float64Array[] {
  checkIndices(params, inputs, 'inputs', 1);
  const n = inputs.length;
  const s: Float64Array[] = [];
  for (let k = 0; k <= n; k++) s.push(new Float64Array(params.H));
  // s_k = f(W_rec s_{k-1} + W_x x_k + b)   (lm-state)
  for (let k = 1; k <= n; k++) stepState(params, s[k - 1], inputs[k - 1], s[k]);
  return s;
}

/** The distribution y_n over the word after the inputs x_1 … x_n, at temperature T (default 1). */
export function nextDistribution(params: Params, inputs: readonly number[], temperature = 1): Float64Array {
  const s = hiddenStates(params, inputs);
  const z = new Float64Array(params.V);
  logitsInto(params, s[inputs.length], z);
  const y = new Float64Array(params.V);
  // y_n = softmax((W_y s_n + b_y) / T)   (lm-temperature)
  softmaxInto(z, y, temperature);
  return y;
}
