/**
 * Adam (Kingma & Ba 2015, "Adam: A Method for Stochastic Optimization", Algorithm 1) over any list of parameter
 * blocks θ_b (Float64Arrays) with matching gradient blocks g_b. Per entry, at step t = 1, 2, …:
 *   m ← β1 m + (1 − β1) g,   v ← β2 v + (1 − β2) g²,
 *   m̂ = m / (1 − β1^t),   v̂ = v / (1 − β2^t),   θ ← θ − η m̂ / (√v̂ + ε).
 * At t = 1, m̂ = g and v̂ = g², so the first step is η g / (|g| + ε) ≈ η sign(g), whatever the size of g.
 */
import { describeValue } from './validate.ts';
import { ADAM_DEFAULTS } from './optimizerDefaults.ts';

/** Adam's hyper-parameters: step size η, decays β1, β2 of the moment estimates, and ε. */
export interface AdamOptions {
  /** η > 0, finite. */
  readonly learningRate?: number;
  /** β1 in [0, 1): decay of the first-moment (mean) estimate m. */
  readonly beta1?: number;
  /** β2 in [0, 1): decay of the second-moment (uncentred variance) estimate v. */
  readonly beta2?: number;
  /** ε > 0, finite: added to √v̂ so that a zero gradient gives a zero step. */
  readonly epsilon?: number;
}

/** Adam's running state over a fixed list of blocks, and its update. */
export interface Adam {
  /** First-moment estimates, one Float64Array per block (zero at first). */
  readonly m: readonly Float64Array[];
  /** Second-moment estimates, one Float64Array per block (zero at first). */
  readonly v: readonly Float64Array[];
  /** Number of updates taken so far (0 at first). */
  t: number;
  /** Current step size η (a schedule may change it between updates). */
  learningRate: number;
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;
  /** One update of every block θ_b in place from its gradient g_b (same number and lengths of blocks as the state). */
  step(theta: readonly Float64Array[], g: readonly Float64Array[]): void;
}

function checkBlocks(blocks: readonly Float64Array[], m: readonly Float64Array[], name: string): void {
  if (!Array.isArray(blocks) || blocks.length !== m.length) {
    throw new RangeError(`${name} must be a list of ${m.length} Float64Array blocks, got ${describeValue(blocks)}`);
  }
  for (let b = 0; b < m.length; b++) {
    if (!(blocks[b] instanceof Float64Array) || blocks[b].length !== m[b].length) {
      const got = blocks[b] instanceof Float64Array ? `length ${blocks[b].length}` : describeValue(blocks[b]);
      throw new RangeError(`${name}[${b}] must be a Float64Array of length ${m[b].length}, got ${got}`);
    }
  }
}

/**
 * A fresh Adam (zero moments, t = 0) for blocks of the given sizes; bad hyper-parameters throw a RangeError whose
 * message names them with `prefix` (e.g. 'optimizer.learningRate'). The moments are allocated here, once.
 */
export function adam(sizes: readonly number[], options: AdamOptions = {}, prefix = 'options.'): Adam {
  if (!Array.isArray(sizes)) throw new RangeError(`sizes must be an array of block sizes, got ${describeValue(sizes)}`);
  sizes.forEach((size, b) => {
    if (!Number.isInteger(size) || size < 0) {
      throw new RangeError(`sizes[${b}] must be an integer ≥ 0, got ${describeValue(size)}`);
    }
  });
  const d = ADAM_DEFAULTS;
  const { learningRate = d.learningRate, beta1 = d.beta1, beta2 = d.beta2, epsilon = d.epsilon } = options;
  if (typeof learningRate !== 'number' || !(learningRate > 0) || !Number.isFinite(learningRate)) {
    throw new RangeError(`${prefix}learningRate must be a finite number > 0, got ${describeValue(learningRate)}`);
  }
  for (const [name, beta] of [['beta1', beta1], ['beta2', beta2]] as const) {
    if (typeof beta !== 'number' || !(beta >= 0 && beta < 1)) {
      throw new RangeError(`${prefix}${name} must be in [0, 1), got ${describeValue(beta)}`);
    }
  }
  if (typeof epsilon !== 'number' || !(epsilon > 0) || !Number.isFinite(epsilon)) {
    throw new RangeError(`${prefix}epsilon must be a finite number > 0, got ${describeValue(epsilon)}`);
  }
  const m = sizes.map((size) => new Float64Array(size));
  const v = sizes.map((size) => new Float64Array(size));
  const state: Adam = {
    m,
    v,
    t: 0,
    learningRate,
    beta1,
    beta2,
    epsilon,
    step(theta, g) {
      checkBlocks(theta, m, 'theta');
      checkBlocks(g, m, 'g');
      state.t += 1;
      const { t, learningRate: eta } = state;
      // bias corrections: m̂ = m / (1 − β1^t),  v̂ = v / (1 − β2^t)
      const c1 = 1 - beta1 ** t;
      const c2 = 1 - beta2 ** t;
      for (let b = 0; b < m.length; b++) {
        const thetaB = theta[b];
        const gB = g[b];
        const mB = m[b];
        const vB = v[b];
        // m ← β1 m + (1 − β1) g,  v ← β2 v + (1 − β2) g²,  θ ← θ − η m̂ / (√v̂ + ε)
        for (let i = 0; i < thetaB.length; i++) {
          mB[i] = beta1 * mB[i] + (1 - beta1) * gB[i];
          vB[i] = beta2 * vB[i] + (1 - beta2) * gB[i] * gB[i];
          thetaB[i] -= (eta * (mB[i] / c1)) / (Math.sqrt(vB[i] / c2) + epsilon);
        }
      }
    },
  };
  return state;
}
