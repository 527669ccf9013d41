import { zeroParams } from '~/core/lm/params';
import type { Params } from '~/core/lm/params';

/** |a − b| / max(|a|, |b|, floor): a relative error with an absolute floor for near-zero values. */
export function relErr(a: number, b: number, floor = 1e-12): number {
  return Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), floor);
}

/**
 * The two-step, two-unit worked case (H = 2, V = 3, tanh), tokens t = [0, 1, 2]: x_1 = 0, next_1 = 1,
 * x_2 = 1, next_2 = 2.
 *
 *   W_rec = [[0.5, −0.25], [0.25, 0.5]]   W_x = [[1, 0, −1], [0, 1, 0.5]]   b = [0, 0.1]
 *   W_y = [[1, 0], [0, 1], [−1, −1]]      b_y = [0, 0, 0.2]
 *
 * k = 1: a_1 = W_x[:, 0] + b = (1, 0.1), s_1 = (tanh 1, tanh 0.1) = (0.761594156, 0.0996679946)
 *        z_1 = (0.761594156, 0.0996679946, −0.661262151), y_1 = (0.569190402, 0.293620713, 0.137188885)
 *        E_1 = −log 0.293620713 = 1.22546644
 * k = 2: a_2 = W_rec s_1 + W_x[:, 1] + b = (0.355880079, 1.34023254), s_2 = (0.341579948, 0.871728088)
 *        z_2 = (0.341579948, 0.871728088, −1.01330804), y_2 = (0.338162268, 0.574599918, 0.0872378137)
 *        E_2 = −log 0.0872378137 = 2.43911740
 * E = E_1 + E_2 = 3.66458384
 */
export function workedCase(): Params {
  const p = zeroParams(2, 3, 'tanh');
  p.wRec.set([0.5, -0.25, 0.25, 0.5]);
  p.wX.set([1, 0, -1, 0, 1, 0.5]);
  p.b.set([0, 0.1]);
  p.wY.set([1, 0, 0, 1, -1, -1]);
  p.bY.set([0, 0, 0.2]);
  return p;
}

/**
 * ∂f/∂w[i] by the five-point central difference (−f(w+2h) + 8 f(w+h) − 8 f(w−h) + f(w−2h)) / 12h,
 * whose truncation error is O(h⁴): with h = 1e-3 it is ~1e-13, far below the tolerances used.
 */
export function centralDifference(f: () => number, w: Float64Array, i: number, h = 1e-3): number {
  const w0 = w[i];
  const at = (d: number): number => {
    w[i] = w0 + d;
    const value = f();
    w[i] = w0;
    return value;
  };
  return (-at(2 * h) + 8 * at(h) - 8 * at(-h) + at(-2 * h)) / (12 * h);
}
