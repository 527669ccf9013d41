/**
 * How far back the state can feel a change: the Jacobian of the last state with respect to an earlier one,
 *
 *   ∂s_n/∂s_k = Π_{j=k+1}^{n} diag(f'(a_j)) W_rec = diag(f'(a_n)) W_rec ⋯ diag(f'(a_{k+1})) W_rec,   ∂s_n/∂s_n = I
 *   f'(a_j) = 1 − s_j² for tanh, 1 for the identity
 *
 * (the product that (lm-delta) applies, transposed, to carry δ back from step n to step k). Its spectral norm bounds
 * how much of a gradient at s_n reaches s_k: ‖δ_k‖ ≤ ‖∂s_n/∂s_k‖₂ ‖δ_n‖ for an error at step n alone. Each factor has
 * norm at most ‖W_rec‖₂ · max_i f'(a_j)[i], so saturated units (f' near 0) shrink it whatever ‖W_rec‖₂ is.
 */
import { checkIndices, hiddenStates } from './forward.ts';
import type { Params } from './params.ts';
import { spectralNorm } from './spectralNorm.ts';

/** What `stateJacobianNorms` returns; arrays indexed by step k = 0 … n. */
export interface StateJacobianNorms {
  /** Number of steps n (tokens.length − 1): the states are s_0 … s_n. */
  readonly n: number;
  /** s[k] is the state s_k (s[0] = 0). */
  readonly s: Float64Array[];
  /** norm[k] = ‖∂s_n/∂s_k‖₂ (norm[n] = 1). */
  readonly norm: Float64Array;
  /** meanSaturation[k] = mean_i f'(a_k)[i] = mean_i (1 − s_k[i]²) for tanh (1 for the identity; 1 at k = 0, where s_0 = 0). */
  readonly meanSaturation: Float64Array;
  /** ‖W_rec‖₂, the largest singular value of W_rec. */
  readonly wRecNorm: number;
}

/** ‖∂s_n/∂s_k‖₂ for k = n … 0 over a sentence's tokens t_0 … t_n (inputs t_0 … t_{n−1}), with the mean tanh slope per step and ‖W_rec‖₂. */
export function stateJacobianNorms(params: Params, tokens: readonly number[]): StateJacobianNorms {
  checkIndices(params, tokens, 'tokens', 2);
  const { H, wRec } = params;
  const n = tokens.length - 1;
  const s = hiddenStates(params, tokens.slice(0, n));
  const tanh = params.activation === 'tanh';

  const meanSaturation = new Float64Array(n + 1);
  for (let k = 0; k <= n; k++) {
    let sum = 0;
    for (let i = 0; i < H; i++) sum += tanh ? 1 - s[k][i] * s[k][i] : 1;
    meanSaturation[k] = sum / H;
  }

  const norm = new Float64Array(n + 1);
  norm[n] = 1;
  // J = ∂s_n/∂s_k, built from k = n down: J ← J diag(f'(a_{k+1})) W_rec
  let J = new Float64Array(H * H);
  for (let i = 0; i < H; i++) J[i * H + i] = 1;
  let next = new Float64Array(H * H);
  const d = new Float64Array(H);
  for (let k = n - 1; k >= 0; k--) {
    const sk1 = s[k + 1];
    for (let j = 0; j < H; j++) d[j] = tanh ? 1 - sk1[j] * sk1[j] : 1;
    // next[r][c] = Σ_j J[r][j] f'(a_{k+1})[j] W_rec[j][c]
    next.fill(0);
    for (let r = 0; r < H; r++) {
      for (let j = 0; j < H; j++) {
        const a = J[r * H + j] * d[j];
        if (a === 0) continue;
        const row = j * H;
        for (let c = 0; c < H; c++) next[r * H + c] += a * wRec[row + c];
      }
    }
    [J, next] = [next, J];
    norm[k] = spectralNorm(J, H, H);
  }
  return { n, s, norm, meanSaturation, wRecNorm: spectralNorm(wRec, H, H) };
}
