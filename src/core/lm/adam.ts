/**
 * Adam (Kingma & Ba 2015, "Adam: A Method for Stochastic Optimization", Algorithm 1), per parameter θ:
 *   m ← β1 m + (1 − β1) g,   v ← β2 v + (1 − β2) g²,
 *   θ ← θ − lr · m̂ / (sqrt(v̂) + ε),   m̂ = m / (1 − β1^t),  v̂ = v / (1 − β2^t).
 */
import type { Params, LmWeights } from './params.ts';
import { WEIGHT_NAMES, zeroWeights } from './params.ts';

/** Adam's hyper-parameters. */
export interface AdamOptions {
  /** Step size lr (default 0.01). */
  learningRate?: number;
  /** Decay of the first-moment estimate β1 (default 0.9). */
  beta1?: number;
  /** Decay of the second-moment estimate β2 (default 0.999). */
  beta2?: number;
  /** ε added to sqrt(v̂) (default 1e-8). */
  epsilon?: number;
}

/** Adam's running state: moments m, v shaped like the weights, and the step count t. */
export interface AdamState {
  readonly m: LmWeights;
  readonly v: LmWeights;
  t: number;
  /** Current step size lr (a schedule may change it between steps). */
  learningRate: number;
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;
}

/** A fresh Adam state (zero moments, t = 0) for parameters of sizes H, V. */
export function createAdam(H: number, V: number, options: AdamOptions = {}): AdamState {
  const { learningRate = 0.01, beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8 } = options;
  if (!(learningRate > 0) || !Number.isFinite(learningRate)) {
    throw new RangeError(`learningRate must be a finite number > 0, got ${String(learningRate)}`);
  }
  for (const [name, beta] of [['beta1', beta1], ['beta2', beta2]] as const) {
    if (!(beta >= 0 && beta < 1)) throw new RangeError(`${name} must be in [0, 1), got ${String(beta)}`);
  }
  if (!(epsilon > 0) || !Number.isFinite(epsilon)) {
    throw new RangeError(`epsilon must be a finite number > 0, got ${String(epsilon)}`);
  }
  return { m: zeroWeights(H, V), v: zeroWeights(H, V), t: 0, learningRate, beta1, beta2, epsilon };
}

/** One Adam update of `params` in place from the gradients `grads`. */
export function adamStep(params: Params, grads: LmWeights, state: AdamState): void {
  state.t += 1;
  const { beta1, beta2, epsilon, learningRate, t } = state;
  const c1 = 1 - beta1 ** t;
  const c2 = 1 - beta2 ** t;
  for (const name of WEIGHT_NAMES) {
    const theta = params[name];
    const g = grads[name];
    const m = state.m[name];
    const v = state.v[name];
    // m ← β1 m + (1 − β1) g,  v ← β2 v + (1 − β2) g²,  θ ← θ − lr m̂ / (sqrt(v̂) + ε)
    for (let i = 0; i < theta.length; i++) {
      m[i] = beta1 * m[i] + (1 - beta1) * g[i];
      v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
      theta[i] -= (learningRate * (m[i] / c1)) / (Math.sqrt(v[i] / c2) + epsilon);
    }
  }
}
