import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lmGradients } from '~/core/lm/backward';
import { lmBpttTrace } from '~/core/lm/bpttTrace';
import { lmForward } from '~/core/lm/forward';
import { initParams, WEIGHT_NAMES, zeroParams } from '~/core/lm/params';
import type { Activation, Params } from '~/core/lm/params';
import { centralDifference, relErr, workedCase } from './fixtures';

/** Finite-difference tolerance: relative error ≤ 1e-6 with an absolute floor of 1e-5 (the five-point rule's error is ~1e-13). */
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

/**
 * Σ_{j ≥ k} E_j when the state at step k is `sk` (explicit loops, not the core): steps k + 1 … n run from it with p.
 * E_1 … E_{k−1} do not depend on s_k, so ∂/∂s_k of this is ∂E/∂s_k.
 */
function lossFromState(p: Params, tokens: number[], k: number, sk: Float64Array): number {
  const { H, V } = p;
  const f = p.activation === 'tanh' ? Math.tanh : (a: number) => a;
  const n = tokens.length - 1;
  let s = Array.from(sk);
  let total = 0;
  for (let j = k; j <= n; j++) {
    if (j > k) {
      const prev = s;
      s = Array.from({ length: H }, (_, i) => {
        let a = p.b[i] + p.wX[i * V + tokens[j - 1]];
        for (let m = 0; m < H; m++) a += p.wRec[i * H + m] * prev[m];
        return f(a);
      });
    }
    const z = Array.from({ length: V }, (_, v) => {
      let sum = p.bY[v];
      for (let i = 0; i < H; i++) sum += p.wY[v * H + i] * s[i];
      return sum;
    });
    const max = Math.max(...z);
    total += Math.log(z.reduce((acc, zv) => acc + Math.exp(zv - max), 0)) + max - z[tokens[j]];
  }
  return total;
}

describe('lmBpttTrace(params, tokens)', () => {
  it.each(['tanh', 'identity'] as const)('visits k = n … 1 and ends on exactly lmGradients\' grads (%s)', (activation) => {
    const p = smallNet(activation);
    const trace = lmBpttTrace(p, SENTENCE);
    const { grads, loss, delta } = lmGradients(p, SENTENCE);
    expect(trace.n).toBe(5);
    expect(trace.loss).toBe(loss);
    expect(trace.steps.map((step) => step.k)).toEqual([5, 4, 3, 2, 1]);
    const last = trace.steps[trace.n - 1]!;
    for (const name of WEIGHT_NAMES) expect(last.sums[name]).toEqual(grads[name]);
    for (const step of trace.steps) expect(step.delta).toEqual(delta[step.k]);
  });

  it('e_k is ∂E_k/∂b_y by central differences of the forward pass, and y_k − onehot(t_k) entry by entry', () => {
    const p = smallNet('tanh');
    const trace = lmBpttTrace(p, SENTENCE);
    for (const step of trace.steps) {
      const { k } = step;
      const Ek = () => -Math.log(lmForward(p, SENTENCE).y[k][SENTENCE[k]]);
      for (let v = 0; v < p.V; v++) {
        expect(relErr(step.outputError[v], centralDifference(Ek, p.bY, v), FLOOR)).toBeLessThanOrEqual(TOLERANCE);
        const y = trace.forward.y[k][v];
        expect(step.outputError[v]).toBe(v === SENTENCE[k] ? y - 1 : y);
      }
    }
  });

  it.each(['tanh', 'identity'] as const)('δ_k is ∂E/∂s_k by central differences of an independent forward loop (%s)', (activation) => {
    const p = smallNet(activation, 11);
    const trace = lmBpttTrace(p, SENTENCE);
    for (const step of trace.steps) {
      const sk = trace.forward.s[step.k].slice();
      for (let i = 0; i < p.H; i++) {
        const numeric = centralDifference(() => lossFromState(p, SENTENCE, step.k, sk), sk, i);
        expect(relErr(step.delta[i], numeric, FLOOR)).toBeLessThanOrEqual(TOLERANCE);
      }
    }
  });

  it('δa_k is (1 − s_k²) ⊙ δ_k exactly, and each step adds δa_k s_{k−1}ᵀ, δa_k x_kᵀ, e_k s_kᵀ to the running sums', () => {
    const p = smallNet('tanh', 3);
    const trace = lmBpttTrace(p, SENTENCE);
    const { H, V } = p;
    trace.steps.forEach((step, index) => {
      const { k } = step;
      const s = trace.forward.s;
      const before = index === 0 ? null : trace.steps[index - 1]!.sums;
      const added = (name: (typeof WEIGHT_NAMES)[number], i: number) => step.sums[name][i] - (before ? before[name][i] : 0);
      for (let i = 0; i < H; i++) {
        expect(step.derivative[i]).toBe(1 - s[k][i] ** 2);
        expect(step.deltaA[i]).toBe(step.derivative[i] * step.delta[i]);
        for (let j = 0; j < H; j++) expect(added('wRec', i * H + j)).toBeCloseTo(step.deltaA[i] * s[k - 1][j], 14);
        for (let v = 0; v < V; v++) expect(added('wX', i * V + v)).toBeCloseTo(v === SENTENCE[k - 1] ? step.deltaA[i] : 0, 14);
      }
      for (let v = 0; v < V; v++) {
        expect(added('bY', v)).toBeCloseTo(step.outputError[v], 14);
        for (let j = 0; j < H; j++) expect(added('wY', v * H + j)).toBeCloseTo(step.outputError[v] * s[k][j], 14);
      }
    });
  });

  it('H = 1, V = 2, identity: the hand-worked case follows the scalar recurrence δ_k = ∂E_k/∂s_k + w_rec δ_{k+1}', () => {
    // w_rec = 0.5, W_x = [1, 2] (word 0 adds 1, word 1 adds 2), W_y = [1, −1]ᵀ, no biases; tokens 0, 1, 0 (n = 2).
    // s_1 = 1, z_1 = (1, −1), y_1 = (σ(2), σ(−2)) = (0.880797078, 0.119202922), t_1 = 1: e_1 = (0.880797078, −0.880797078)
    // s_2 = 0.5 · 1 + 2 = 2.5, z_2 = (2.5, −2.5), y_2 = (σ(5), σ(−5)), t_2 = 0: e_2 = (−0.00669285092, 0.00669285092)
    // ∂E_1/∂s_1 = W_yᵀ e_1 = 2σ(2) = 1.76159416, ∂E_2/∂s_2 = −2σ(−5) = −0.0133857018
    // δ_2 = −0.0133857018, δ_1 = 1.76159416 + 0.5 δ_2 = 1.75490131
    const p = zeroParams(1, 2, 'identity');
    p.wRec.set([0.5]);
    p.wX.set([1, 2]);
    p.wY.set([1, -1]);
    const sigma = (z: number) => 1 / (1 + Math.exp(-z));
    const local2 = -2 * sigma(-5);
    const local1 = 2 * (1 - sigma(-2));
    const delta2 = local2;
    const delta1 = local1 + 0.5 * delta2;
    const trace = lmBpttTrace(p, [0, 1, 0]);
    const [k2, k1] = trace.steps;
    const close = (actual: number, expected: number) => expect(relErr(actual, expected)).toBeLessThanOrEqual(1e-12);
    expect(delta1).toBeCloseTo(1.75490131, 8);
    close(k2!.outputError[0], sigma(5) - 1);
    close(k2!.outputError[1], sigma(-5));
    close(k1!.outputError[0], sigma(2));
    close(k1!.outputError[1], sigma(-2) - 1);
    close(k2!.delta[0], delta2);
    close(k1!.delta[0], delta1);
    // identity: f' = 1, δa_k = δ_k
    expect(k1!.derivative[0]).toBe(1);
    expect(k1!.deltaA[0]).toBe(k1!.delta[0]);
    // after k = 2: ∂E/∂w_rec = δ_2 s_1 = δ_2; ∂E/∂W_x has only word 1's column, δ_2
    close(k2!.sums.wRec[0], delta2);
    expect(k2!.sums.wX[0]).toBe(0);
    close(k2!.sums.wX[1], delta2);
    // after k = 1: + δ_1 s_0 = 0 for w_rec; word 0's column gets δ_1
    close(k1!.sums.wRec[0], delta2);
    close(k1!.sums.wX[0], delta1);
    // ∂E/∂W_y = e_1 s_1 + e_2 s_2 = (0.864064950, −0.864064950)
    close(k1!.sums.wY[0], sigma(2) + 2.5 * (sigma(5) - 1));
    close(k1!.sums.wY[1], sigma(-2) - 1 + 2.5 * sigma(-5));
    expect(k1!.sums.wY[0]).toBeCloseTo(0.86406495, 8);
  });

  it('the two-unit worked case: the final sums are lmGradients\' grads', () => {
    const p = workedCase();
    const trace = lmBpttTrace(p, [0, 1, 2]);
    const { grads } = lmGradients(p, [0, 1, 2]);
    for (const name of WEIGHT_NAMES) expect(trace.steps[1]!.sums[name]).toEqual(grads[name]);
  });

  it('on random nets and sentences, the sums after k = 1 are lmGradients\' grads bit for bit (property, 100 runs)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 2, max: 6 }),
        fc.integer({ min: 1, max: 10_000 }),
        fc.constantFrom<Activation>('tanh', 'identity'),
        fc.array(fc.nat(), { minLength: 2, maxLength: 8 }),
        (H, V, seed, activation, raw) => {
          const p = initParams(H, V, { seed, activation });
          const tokens = raw.map((t) => t % V);
          const trace = lmBpttTrace(p, tokens);
          const { grads } = lmGradients(p, tokens);
          for (const name of WEIGHT_NAMES) expect(trace.steps[trace.n - 1]!.sums[name]).toEqual(grads[name]);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('refuses bad tokens with the forward pass\'s RangeError', () => {
    expect(() => lmBpttTrace(smallNet('tanh'), [0])).toThrow(RangeError);
    expect(() => lmBpttTrace(smallNet('tanh'), [0, 9])).toThrow(/tokens\[1\] must be a word index from 0 to 4/);
  });
});
