import { CORE_MAX_SEQUENCE_LENGTH, assertFinite, assertInteger } from './validate.ts';

/** g[k] = ∂s_n/∂s_k = w_rec^{n−k} (vanishing-power) for k = 0..n, by repeated multiplication (zeros exact, overflow ±Infinity). */
export function gradientFlow(wRec: number, n: number): Float64Array {
  assertFinite(wRec, 'wRec');
  assertInteger(n, 'n', 0, CORE_MAX_SEQUENCE_LENGTH);
  const g = new Float64Array(n + 1);
  g[n] = 1;
  // ∂s_n/∂s_k = ∂s_n/∂s_{k+1} · ∂s_{k+1}/∂s_k = w_rec · ∂s_n/∂s_{k+1}   (vanishing-power)
  for (let k = n - 1; k >= 0; k--) g[k] = wRec * g[k + 1];
  return g;
}
