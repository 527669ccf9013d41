/**
 * The adding problem (Hochreiter & Schmidhuber 1997, experiment 4; the variant of Le, Jaitly & Hinton 2015 and
 * Arjovsky, Shah & Bengio 2016). Each step k = 1 … T has two input channels, x_k = (u_k, m_k):
 *
 *   u_k ~ uniform[0, 1)   a number;
 *   m_k ∈ {0, 1}          a marker, 1 at exactly two steps: one drawn uniformly from the first ⌊T/2⌋ steps,
 *                         one from the remaining T − ⌊T/2⌋, and 0 elsewhere;
 *   t = Σ_k m_k u_k       the target, the sum of the two marked numbers, read at the last step only   (adding-data)
 *
 * Predicting the mean, t = 1, scores an MSE of Var(u + u') = 2/12 ≈ 0.167.
 */
import { randomLcg } from 'd3-random';
import { addingProblemInto } from './addingProblemInto.ts';
import { assertFinite, assertInteger, describeValue } from './validate.ts';

/** The most steps (B · T) one batch may hold. */
export const ADDING_MAX_STEPS = 1_000_000;

/** A batch of B adding-problem sequences of T steps each. */
export interface AddingBatch {
  /** T, the number of steps per sequence. */
  readonly T: number;
  /** B, the number of sequences. */
  readonly B: number;
  /** Every input, flat: inputs[(b·T + k − 1)·2 + c] is channel c of x_k in sequence b (c = 0: u_k, c = 1: m_k). */
  readonly inputs: Float64Array;
  /** x[b][k − 1] = x_k = (u_k, m_k) of sequence b, a length-2 view into `inputs`. */
  readonly x: readonly (readonly Float64Array[])[];
  /** t[b] = Σ_k m_k u_k, the target of sequence b (adding-data). */
  readonly t: Float64Array;
}

/** Options of addingProblem: the sizes and either a seed for `randomLcg` or a seeded generator to draw from. */
export type AddingProblemOptions =
  | { readonly T: number; readonly B: number; readonly seed: number }
  | { readonly T: number; readonly B: number; readonly random: () => number };

/** B fresh adding-problem sequences of T ≥ 2 steps, drawn from `randomLcg(seed)` or from `random`   (adding-data). */
export function addingProblem(options: AddingProblemOptions): AddingBatch {
  if (options === null || typeof options !== 'object') {
    throw new RangeError(`options must be an object { T, B, seed }, got ${describeValue(options)}`);
  }
  const T = assertInteger(options.T, 'T', 2, ADDING_MAX_STEPS);
  const B = assertInteger(options.B, 'B', 1, ADDING_MAX_STEPS);
  if (B * T > ADDING_MAX_STEPS) {
    throw new RangeError(`B · T must be at most ${ADDING_MAX_STEPS} steps, got B = ${B}, T = ${T}`);
  }
  let random: () => number;
  if ('random' in options) {
    if (typeof options.random !== 'function') {
      throw new RangeError(`random must be a function returning numbers in [0, 1), got ${describeValue(options.random)}`);
    }
    random = options.random;
  } else {
    random = randomLcg(assertFinite(options.seed, 'seed'));
  }
  const inputs = new Float64Array(B * T * 2);
  const x: Float64Array[][] = [];
  for (let b = 0; b < B; b++) {
    const rows: Float64Array[] = [];
    for (let k = 1; k <= T; k++) rows.push(inputs.subarray((b * T + k - 1) * 2, (b * T + k) * 2));
    x.push(rows);
  }
  const batch: AddingBatch = { T, B, inputs, x, t: new Float64Array(B) };
  addingProblemInto(batch, random);
  return batch;
}
