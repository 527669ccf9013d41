import { gradientFlow } from './gradientFlow.ts';
import { assertFinite } from './validate.ts';

/**
 * a[k] = w_x w_rec^{n−k} for k = 1..n (a[0] = 0): the weight input x_k gets in s_n by the closed form
 * s_n = w_x Σ_k x_k w_rec^{n−k} (s_0 = 0). With w_x = 0 every weight is exactly 0, even where w_rec^{n−k}
 * overflowed (0 · ∞ would otherwise be NaN).
 */
export function inputWeights(wRec: number, wX: number, n: number): Float64Array {
  assertFinite(wX, 'wX');
  const g = gradientFlow(wRec, n);
  const a = new Float64Array(n + 1);
  if (wX === 0) return a;
  // a_k = w_x · ∂s_n/∂s_k, the weight of x_k in s_n   (closed-form)
  for (let k = 1; k <= n; k++) a[k] = wX * g[k];
  return a;
}
