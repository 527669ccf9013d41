import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lmGradients } from '~/core/lm/backward';
import { lmForward } from '~/core/lm/forward';
import { initParams, WEIGHT_NAMES, zeroParams } from '~/core/lm/params';
import type { Activation, Params } from '~/core/lm/params';
import { centralDifference, relErr, workedCase } from './fixtures';

/** Gradient-check tolerance: relative error ≤ 1e-6, with an absolute floor of 1e-5 (so |error| ≤ 1e-11 near 0). */
const TOLERANCE = 1e-6;
const FLOOR = 1e-5;

/** A small net (H = 3, V = 5) with seeded weights and non-zero biases. */
function smallNet(activation: Activation, seed = 7): Params {
  const p = initParams(3, 5, { seed, activation });
  p.b.set([0.1, -0.2, 0.3]);
  p.bY.set([0.05, -0.1, 0.2, 0, -0.3]);
  return p;
}

/** `<s>` = 0, four words, `</s>` = 1: n = 5 predictions. */
const SENTENCE = [0, 3, 2, 4, 2, 1];

/** Largest relative error (floor FLOOR) between the BPTT gradient and central differences of E over every parameter. */
function worstError(p: Params, tokens: number[], loss: () => number, truncation?: number): number {
  const { grads } = lmGradients(p, tokens, { truncation });
  let worst = 0;
  for (const name of WEIGHT_NAMES) {
    for (let i = 0; i < p[name].length; i++) {
      const numeric = centralDifference(loss, p[name], i);
      worst = Math.max(worst, relErr(grads[name][i], numeric, FLOOR));
    }
  }
  return worst;
}

/**
 * Σ_j E_j with each E_j's dependence on the parameters cut τ steps back: s_{j−τ} is frozen at its value
 * under `frozen`, and steps j−τ+1 … j are recomputed from it with `p` (explicit loops, not the core).
 */
function truncatedLoss(p: Params, frozen: Params, tokens: number[], tau: number): number {
  const { H, V } = p;
  const f = p.activation === 'tanh' ? Math.tanh : (a: number) => a;
  const step = (q: Params, s: number[], x: number): number[] =>
    Array.from({ length: H }, (_, i) => {
      let a = q.b[i] + q.wX[i * V + x];
      for (let j = 0; j < H; j++) a += q.wRec[i * H + j] * s[j];
      return f(a);
    });
  const n = tokens.length - 1;
  const sFrozen: number[][] = [new Array(H).fill(0)];
  for (let k = 1; k <= n; k++) sFrozen.push(step(frozen, sFrozen[k - 1], tokens[k - 1]));
  let total = 0;
  for (let j = 1; j <= n; j++) {
    const start = Math.max(j - tau, 0);
    let s = sFrozen[start];
    for (let k = start + 1; k <= j; k++) s = step(p, s, tokens[k - 1]);
    const z = Array.from({ length: V }, (_, v) => {
      let sum = p.bY[v];
      for (let i = 0; i < H; i++) sum += p.wY[v * H + i] * s[i];
      return sum;
    });
    const m = Math.max(...z);
    const logSum = m + Math.log(z.reduce((acc, zv) => acc + Math.exp(zv - m), 0));
    total += logSum - z[tokens[j]];
  }
  return total;
}

describe('lmGradients', () => {
  it.each([
    // the model of the chapter
    ['tanh' as const],
    // the linear recurrence of the scalar chapters, vector form
    ['identity' as const],
  ])('lmGradients(H=3, V=5, %s) matches central differences for every parameter', (activation) => {
    const p = smallNet(activation);
    const worst = worstError(p, SENTENCE, () => lmForward(p, SENTENCE).loss);
    expect(worst).toBeLessThanOrEqual(TOLERANCE);
  });

  it.each([
    // τ = 1: each E_j reaches only its own step
    [1],
    // τ = 2
    [2],
    // τ = 4 < n = 5: still truncated
    [4],
    // τ = n + 1 = 6: the full recurrence
    [6],
  ])('lmGradients(…, { truncation: %i }) matches central differences of the truncated objective', (tau) => {
    const p = smallNet('tanh', 11);
    const frozen = smallNet('tanh', 11);
    const worst = worstError(p, SENTENCE, () => truncatedLoss(p, frozen, SENTENCE, tau), tau);
    expect(worst).toBeLessThanOrEqual(TOLERANCE);
  });

  it('lmGradients with truncation τ > n equals full BPTT', () => {
    const p = smallNet('tanh');
    const full = lmGradients(p, SENTENCE);
    const truncated = lmGradients(p, SENTENCE, { truncation: 6 });
    for (const name of WEIGHT_NAMES) {
      full.grads[name].forEach((g, i) => expect(relErr(g, truncated.grads[name][i], FLOOR)).toBeLessThanOrEqual(1e-12));
    }
  });

  it('lmGradients(workedCase, [0, 1, 2]) gives the hand-worked deltas and ∂E/∂W_rec', () => {
    // e_k = y_k − onehot(next_k); δ_2 = W_yᵀ e_2; δ_1 = W_yᵀ e_1 + W_recᵀ ((1 − s_2²) ⊙ δ_2)
    //   e_1 = (0.569190402, −0.706379287, 0.137188885)   e_2 = (0.338162268, 0.574599918, −0.912762186)
    //   δ_2 = (e_2[0] − e_2[2], e_2[1] − e_2[2]) = (1.25092445, 1.48736210)
    //   δ_1 = (1.07376202, −0.941260313)
    //   ∂E/∂W_rec = g_2 s_1ᵀ (the k = 1 term has s_0 = 0) = [[0.841539088, 0.110130195], [0.271966017, 0.0355915382]]
    const p = workedCase();
    const { grads, delta, forward } = lmGradients(p, [0, 1, 2]);
    const [s1, s2] = [forward.s[1], forward.s[2]];
    const [y1, y2] = [forward.y[1], forward.y[2]];
    const e1 = [y1[0], y1[1] - 1, y1[2]];
    const e2 = [y2[0], y2[1], y2[2] - 1];
    // W_y = [[1, 0], [0, 1], [−1, −1]], so (W_yᵀ e)_j = e[j] − e[2]
    const d2 = [e2[0] - e2[2], e2[1] - e2[2]];
    const g2 = [(1 - s2[0] ** 2) * d2[0], (1 - s2[1] ** 2) * d2[1]];
    // W_rec = [[0.5, −0.25], [0.25, 0.5]], so (W_recᵀ g)_0 = 0.5 g_0 + 0.25 g_1, (W_recᵀ g)_1 = −0.25 g_0 + 0.5 g_1
    const d1 = [e1[0] - e1[2] + 0.5 * g2[0] + 0.25 * g2[1], e1[1] - e1[2] - 0.25 * g2[0] + 0.5 * g2[1]];
    const dWrec = [g2[0] * s1[0], g2[0] * s1[1], g2[1] * s1[0], g2[1] * s1[1]];
    d2.forEach((v, j) => expect(relErr(delta[2][j], v)).toBeLessThanOrEqual(1e-14));
    d1.forEach((v, j) => expect(relErr(delta[1][j], v)).toBeLessThanOrEqual(1e-14));
    dWrec.forEach((v, i) => expect(relErr(grads.wRec[i], v)).toBeLessThanOrEqual(1e-14));
    // ∂E/∂b_y = e_1 + e_2
    [0, 1, 2].forEach((v) => expect(relErr(grads.bY[v], e1[v] + e2[v])).toBeLessThanOrEqual(1e-14));
    // The numbers in the comment (computed separately).
    expect(relErr(delta[2][1], 1.4873621)).toBeLessThanOrEqual(1e-7);
    expect(relErr(delta[1][0], 1.07376202)).toBeLessThanOrEqual(1e-7);
    expect(relErr(grads.wRec[0], 0.841539088)).toBeLessThanOrEqual(1e-8);
  });

  it.each([
    // identity: the tanh derivative replaced by 1, δ_k = ∂E_k/∂s_k + w_rec δ_{k+1} (scalar chapter)
    ['identity' as const],
    // tanh: the same recurrence with the factor 1 − s_{k+1}²
    ['tanh' as const],
  ])('with H = 1 and %s activation the δ recurrence is the scalar chapter’s', (activation) => {
    const wRec = 0.8;
    const X = [0, 1, -1.5, 2]; // token v is the input value x = X[v], column v of W_x is x w_x
    const wX = 0.6;
    const p = zeroParams(1, 4, activation);
    p.wRec[0] = wRec;
    X.forEach((x, v) => (p.wX[v] = x * wX));
    p.wY.set([0.5, -1, 2, 0.3]);
    p.bY.set([0, 0.2, -0.1, 0.4]);
    const tokens = [1, 3, 2, 0, 3, 1];
    const n = tokens.length - 1;
    const { delta, forward } = lmGradients(p, tokens);
    // ∂E_k/∂s_k = Σ_v W_y[v] (y_k[v] − [v = next_k]), y_k from the scalar state s_k
    const local = (k: number): number => {
      const s = forward.s[k][0];
      const z = [0, 1, 2, 3].map((v) => p.wY[v] * s + p.bY[v]);
      const sum = z.reduce((acc, zv) => acc + Math.exp(zv), 0);
      return [0, 1, 2, 3].reduce((acc, v) => acc + p.wY[v] * (Math.exp(z[v]) / sum - (v === tokens[k] ? 1 : 0)), 0);
    };
    const fPrime = (k: number): number => (activation === 'tanh' ? 1 - forward.s[k][0] ** 2 : 1);
    let next = 0; // δ_{n+1} = 0
    for (let k = n; k >= 1; k--) {
      const expected = local(k) + wRec * (k < n ? fPrime(k + 1) : 0) * next;
      expect(relErr(delta[k][0], expected)).toBeLessThanOrEqual(1e-13);
      next = expected;
    }
  });

  it('lmGradients matches central differences on random small nets (fast-check, relative error ≤ 1e-6, floor 1e-5)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 2, max: 6 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.constantFrom<Activation>('tanh', 'identity'),
        fc.array(fc.nat(), { minLength: 2, maxLength: 6 }),
        (H, V, seed, activation, raw) => {
          const p = initParams(H, V, { seed, activation });
          const tokens = raw.map((t) => t % V);
          return worstError(p, tokens, () => lmForward(p, tokens).loss) <= TOLERANCE;
        },
      ),
      { seed: 20150101, numRuns: 40 },
    );
  });

  it.each([
    // zero is not a window
    [0],
    // not an integer
    [1.5],
    // negative
    [-2],
  ])('lmGradients(…, { truncation: %d }) throws a RangeError', (tau) => {
    expect(() => lmGradients(smallNet('tanh'), SENTENCE, { truncation: tau })).toThrow(/truncation \(τ\) must be an integer ≥ 1/);
  });
});
