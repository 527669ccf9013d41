/**
 * The language model's backpropagation through time checked against central differences, on one sentence:
 *
 *   E = Σ_k −log y_k[next_k]                                         (lm-loss)
 *   ∂E/∂θ from lmGradients                                           (lm-output-error … lm-grad-output)
 *   ∂E/∂θ ≈ (4 D(h) − D(2h)) / 3,  D(h) = (E(θ + h) − E(θ − h)) / 2h   (lstm-check-richardson)
 *   relative error = |a − b| / max(|a|, |b|, 10⁻⁴)                   (lstm-check-error)
 *
 * for a seeded sample of entries from every weight array (W_rec, W_x, b, W_y, b_y). W_x's entries are drawn from the
 * columns of the words the sentence reads (every other column has gradient exactly 0), plus one entry of a column it
 * does not read, where both derivatives are 0. The floor 10⁻⁴ matters for W_y and b_y: the rows of unlikely words
 * have gradients near 10⁻⁸, where a plain ratio would measure only the rounding of the central difference.
 */
import { randomLcg } from 'd3-random';
import { centralDifference, CENTRAL_DIFFERENCE_STEP } from '../centralDifference.ts';
import { relativeError } from '../relativeError.ts';
import { assertFinite, assertInteger, assertPositive } from '../validate.ts';
import { lmGradients } from './backward.ts';
import { checkIndices, lmForward } from './forward.ts';
import type { Params } from './params.ts';
import { cloneParams, WEIGHT_NAMES } from './params.ts';

/** The floor of the check's relative error: gradients smaller than 10⁻⁴ are compared absolutely (to 10⁻¹⁰ for a pass). */
export const LM_CHECK_FLOOR = 1e-4;

/** Added to the seed for the generator that picks the checked entries (so seed 1 does not draw the stream initParams uses). */
const SAMPLE_OFFSET = 0x1a2b3c;

/** One of the model's five weight arrays. */
export type LmMatrix = (typeof WEIGHT_NAMES)[number];

/** Options of `lmGradientCheck`. */
export interface LmGradientCheckOptions {
  /** Seeds the sample of checked entries. */
  readonly seed: number;
  /** How many entries of each array to check (default 3; an array with fewer is checked whole). */
  readonly perMatrix?: number;
  /** The central difference's relative step h (default 1e-3, see `centralDifference`). */
  readonly h?: number;
}

/** One checked weight: its array, flat index and (row i, column j), BPTT's derivative, the central difference, their relative error. */
export interface LmGradientCheckRow {
  readonly matrix: LmMatrix;
  readonly index: number;
  /** Row of the entry (its unit for W_rec, W_x, b; its word for W_y, b_y). */
  readonly i: number;
  /** Column of the entry (0 for the vectors b and b_y). */
  readonly j: number;
  readonly analytic: number;
  readonly numeric: number;
  readonly relativeError: number;
}

/** What `lmGradientCheck` returns. */
export interface LmGradientCheck {
  /** E of the sentence. */
  readonly loss: number;
  /** The checked entries, array by array in the order W_rec, W_x, b, W_y, b_y, indices ascending within an array. */
  readonly rows: readonly LmGradientCheckRow[];
  /** The row with the largest relative error (the first of them on a tie). */
  readonly worst: LmGradientCheckRow;
}

/** `count` distinct entries of `pool` (all of them if count ≥ its length), drawn with `random`. */
function draw(pool: number[], count: number, random: () => number): number[] {
  const m = Math.min(count, pool.length);
  // a partial Fisher–Yates shuffle: the first m entries are a uniform sample without replacement
  for (let a = 0; a < m; a++) {
    const pick = a + Math.floor(random() * (pool.length - a));
    [pool[a], pool[pick]] = [pool[pick], pool[a]];
  }
  return pool.slice(0, m);
}

/** Row and column of flat index `index` in array `matrix` of a model with sizes H, V. */
function position(matrix: LmMatrix, index: number, H: number, V: number): { i: number; j: number } {
  if (matrix === 'b' || matrix === 'bY') return { i: index, j: 0 };
  const columns = matrix === 'wX' ? V : H;
  return { i: Math.floor(index / columns), j: index % columns };
}

/** BPTT's ∂E/∂θ of one sentence t_0 … t_n against central differences of E, for a seeded sample of entries of every weight array. */
export function lmGradientCheck(params: Params, tokens: readonly number[], options: LmGradientCheckOptions): LmGradientCheck {
  checkIndices(params, tokens, 'tokens', 2);
  if (options === null || typeof options !== 'object') throw new RangeError(`options must be an object { seed }, got ${String(options)}`);
  const seed = assertFinite(options.seed, 'seed');
  const perMatrix = assertInteger(options.perMatrix ?? 3, 'perMatrix', 1, Number.MAX_SAFE_INTEGER);
  const h = assertPositive(options.h ?? CENTRAL_DIFFERENCE_STEP, 'h');
  const { H, V } = params;
  const n = tokens.length - 1;

  const { loss, grads } = lmGradients(params, tokens);
  // A copy whose entries the central differences nudge (and restore), so `params` is never touched.
  const work = cloneParams(params);
  const E = (): number => lmForward(work, tokens).loss;
  const random = randomLcg(seed + SAMPLE_OFFSET);
  const read = new Set(tokens.slice(0, n));

  const rows: LmGradientCheckRow[] = [];
  for (const matrix of WEIGHT_NAMES) {
    let picked: number[];
    if (matrix === 'wX') {
      // x_k is one-hot: only the columns of the words read, t_0 … t_{n−1}, have a non-zero gradient (lm-grad-state)
      const inRead: number[] = [];
      const elsewhere: number[] = [];
      for (let index = 0; index < H * V; index++) (read.has(index % V) ? inRead : elsewhere).push(index);
      picked = [...draw(inRead, perMatrix, random), ...draw(elsewhere, 1, random)];
    } else {
      picked = draw(Array.from({ length: work[matrix].length }, (_, index) => index), perMatrix, random);
    }
    picked.sort((a, b) => a - b);
    for (const index of picked) {
      const analytic = grads[matrix][index];
      const numeric = centralDifference(E, work[matrix], index, h);
      const { i, j } = position(matrix, index, H, V);
      rows.push({ matrix, index, i, j, analytic, numeric, relativeError: relativeError(analytic, numeric, LM_CHECK_FLOOR) });
    }
  }
  let worst = rows[0]!;
  for (const row of rows) if (row.relativeError > worst.relativeError) worst = row;
  return { loss, rows, worst };
}
