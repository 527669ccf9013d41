import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeSentence } from '~/core/lm/dictionary';
import { hiddenStates, stepState } from '~/core/lm/forward';
import { initParams, zeroParams } from '~/core/lm/params';
import type { Activation, Params } from '~/core/lm/params';
import { deserializeParams } from '~/core/lm/serialize';
import { spectralNorm } from '~/core/lm/spectralNorm';
import { stateJacobianNorms } from '~/core/lm/stateJacobian';
import { centralDifference, relErr } from './fixtures';

const weightsPath = fileURLToPath(new URL('../../../public/data/lm-weights.json', import.meta.url));
const shipped = deserializeParams(JSON.parse(readFileSync(weightsPath, 'utf8')));

/** ‖A‖₂ of an R×C matrix by power iteration on AᵀA, run until the estimate changes by less than 1e-15 relative (or 100 000 steps). */
function powerNorm(A: ArrayLike<number>, R: number, C: number): number {
  let v = Array.from({ length: C }, (_, i) => 1 + 0.1 * Math.sin(i + 1));
  let estimate = 0;
  for (let step = 0; step < 100_000; step++) {
    const Av = Array.from({ length: R }, (_, r) => v.reduce((sum, vc, c) => sum + A[r * C + c] * vc, 0));
    const w = Array.from({ length: C }, (_, c) => Av.reduce((sum, a, r) => sum + A[r * C + c] * a, 0));
    const size = Math.hypot(...w);
    if (size === 0) return 0;
    v = w.map((x) => x / size);
    // for a unit v, ‖AᵀA v‖ → λ_max = ‖A‖₂²
    const next = Math.sqrt(size);
    if (Math.abs(next - estimate) <= 1e-15 * next) return next;
    estimate = next;
  }
  return estimate;
}

/** ∂s_n/∂s_k (H×H, row-major) by central differences of the forward pass from a nudged s_k: explicit steps k+1 … n. */
function numericJacobian(p: Params, tokens: number[], k: number): Float64Array {
  const { H } = p;
  const n = tokens.length - 1;
  const s = hiddenStates(p, tokens.slice(0, n));
  const J = new Float64Array(H * H);
  const sk = s[k].slice();
  for (let row = 0; row < H; row++) {
    const finalUnit = (): number => {
      let prev = sk.slice();
      const next = new Float64Array(H);
      for (let j = k + 1; j <= n; j++) {
        stepState(p, prev, tokens[j - 1], next);
        prev = next.slice();
      }
      return prev[row];
    };
    for (let c = 0; c < H; c++) J[row * H + c] = centralDifference(finalUnit, sk, c, 1e-4);
  }
  return J;
}

/** Product A B of two H×H matrices. */
function multiply(A: Float64Array, B: Float64Array, H: number): Float64Array {
  const out = new Float64Array(H * H);
  for (let r = 0; r < H; r++) for (let j = 0; j < H; j++) for (let c = 0; c < H; c++) out[r * H + c] += A[r * H + j] * B[j * H + c];
  return out;
}

describe('spectralNorm', () => {
  it.each([
    // symmetric with eigenvalues 3 and 1
    [[2, 1, 1, 2]],
    // a shear: σ_max = (1 + √5) / 2 for [[1, 1], [0, 1]]
    [[1, 1, 0, 1]],
    // a rotation scaled by 0.5: every singular value is 0.5
    [[0, -0.5, 0.5, 0]],
    // rank one
    [[1, 2, 2, 4]],
  ])('spectralNorm(%j, 2, 2) is the closed form √((‖A‖_F² + √(‖A‖_F⁴ − 4 det²)) / 2)', (A) => {
    const [a, b, c, d] = A;
    const frob = a * a + b * b + c * c + d * d;
    const det = a * d - b * c;
    const expected = Math.sqrt((frob + Math.sqrt(frob * frob - 4 * det * det)) / 2);
    expect(relErr(spectralNorm(A, 2, 2), expected)).toBeLessThanOrEqual(1e-14);
  });

  it('spectralNorm matches power iteration on random matrices up to 24×24 (fast-check, relative error ≤ 1e-9)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 24 }), fc.integer({ min: 1, max: 24 }), fc.integer({ min: 1, max: 1e6 }), (R, C, seed) => {
        const A = initParams(Math.max(R, C), 2, { seed }).wRec.slice(0, R * C);
        return relErr(spectralNorm(A, R, C), powerNorm(A, R, C)) <= 1e-9;
      }),
      { seed: 20260102, numRuns: 40 },
    );
  });

  it('spectralNorm is exact for a tiny matrix whose AᵀA would underflow (1e-200 × the 2×2 shear)', () => {
    expect(relErr(spectralNorm([1e-200, 1e-200, 0, 1e-200], 2, 2), 1e-200 * (1 + Math.sqrt(5)) / 2)).toBeLessThanOrEqual(1e-14);
    expect(spectralNorm([0, 0, 0, 0], 2, 2)).toBe(0);
  });

  it('spectralNorm refuses a wrong size or a non-finite entry', () => {
    expect(() => spectralNorm([1, 2, 3], 2, 2)).toThrow(/R·C = 4/);
    expect(() => spectralNorm([1, NaN, 3, 4], 2, 2)).toThrow(/A\[1\]/);
  });
});

describe('stateJacobianNorms', () => {
  it.each([
    // a corpus sentence
    ['she likes french toast with butter'],
    // the chapter's question
    ['i like french fries'],
  ])('stateJacobianNorms(shipped weights, "%s") matches central differences of the forward pass, normed by power iteration', (sentence) => {
    const { params, dict } = shipped;
    const { indices: tokens, unknown } = encodeSentence(dict, sentence);
    expect(unknown).toEqual([]);
    const result = stateJacobianNorms(params, tokens);
    const n = tokens.length - 1;
    expect(result.n).toBe(n);
    expect(result.norm).toHaveLength(n + 1);
    expect(result.norm[n]).toBe(1);
    for (let k = 0; k < n; k++) {
      const expected = powerNorm(numericJacobian(params, tokens, k), params.H, params.H);
      expect(relErr(result.norm[k], expected)).toBeLessThanOrEqual(1e-6);
    }
    expect(relErr(result.wRecNorm, powerNorm(params.wRec, params.H, params.H))).toBeLessThanOrEqual(1e-9);
  });

  it('stateJacobianNorms reports mean_i (1 − s_k[i]²) per step, 1 at s_0 = 0', () => {
    const { params, dict } = shipped;
    const tokens = encodeSentence(dict, 'i like french fries').indices;
    const result = stateJacobianNorms(params, tokens);
    const s = hiddenStates(params, tokens.slice(0, -1));
    expect(result.meanSaturation[0]).toBe(1);
    s.forEach((sk, k) => {
      const mean = Array.from(sk, (v) => 1 - v * v).reduce((a, b) => a + b, 0) / params.H;
      expect(relErr(result.meanSaturation[k], mean)).toBeLessThanOrEqual(1e-14);
    });
  });

  it('stateJacobianNorms on random small tanh models matches central differences (fast-check, relative error ≤ 1e-6)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 2, max: 6 }),
        fc.integer({ min: 1, max: 1e6 }),
        fc.array(fc.nat(), { minLength: 2, maxLength: 8 }),
        (H, V, seed, raw) => {
          const p = initParams(H, V, { seed });
          const tokens = raw.map((t) => t % V);
          const { norm } = stateJacobianNorms(p, tokens);
          const n = tokens.length - 1;
          for (let k = 0; k < n; k++) {
            const expected = powerNorm(numericJacobian(p, tokens, k), H, H);
            // the central difference's absolute error (~1e-12) dominates for norms below 1e-6
            if (Math.abs(norm[k] - expected) > 1e-6 * Math.max(expected, 1e-6)) return false;
          }
          return true;
        },
      ),
      { seed: 20260103, numRuns: 30 },
    );
  });

  it.each([
    // a rotation-like W_rec, norm ≈ 1
    [1, 3],
    // a contracting one
    [2, 0.6],
    // an expanding one
    [3, 1.7],
  ])('with the identity activation ‖∂s_n/∂s_k‖₂ = ‖W_rec^(n−k)‖₂ (seed %i, W_rec scaled by %d)', (seed, scale) => {
    const H = 4;
    const p: Params = initParams(H, 5, { seed, activation: 'identity' as Activation });
    p.wRec.forEach((w, i) => (p.wRec[i] = w * scale));
    const tokens = [0, 3, 2, 4, 2, 3, 1];
    const n = tokens.length - 1;
    const { norm, meanSaturation, wRecNorm } = stateJacobianNorms(p, tokens);
    let power = zeroParams(H, 2).wRec;
    for (let i = 0; i < H; i++) power[i * H + i] = 1;
    for (let k = n; k >= 0; k--) {
      expect(relErr(norm[k], powerNorm(power, H, H))).toBeLessThanOrEqual(1e-9);
      expect(meanSaturation[k]).toBe(1);
      power = multiply(power, p.wRec, H);
    }
    expect(relErr(wRecNorm, powerNorm(p.wRec, H, H))).toBeLessThanOrEqual(1e-9);
  });

  it('stateJacobianNorms refuses a sentence of one token and an index outside the dictionary', () => {
    const p = initParams(2, 3);
    expect(() => stateJacobianNorms(p, [0])).toThrow(RangeError);
    expect(() => stateJacobianNorms(p, [0, 3])).toThrow(/tokens\[1\]/);
  });
});

describe('the bound of (lm-jacobian)', () => {
  it('‖∂s_n/∂s_k‖₂ ≤ Π_{j=k+1}^{n} max_i (1 − s_j[i]²) · ‖W_rec‖₂ on the shipped weights, for every k of three sentences', () => {
    const { params, dict } = shipped;
    for (const words of [['i', 'like', 'french'], ['she', 'likes', 'french', 'toast'], 'i like french wine very much and i like french bread'.split(' ')]) {
      const { indices: tokens, unknown } = encodeSentence(dict, words.join(' '));
      expect(unknown).toEqual([]);
      const { norm, s, n, wRecNorm } = stateJacobianNorms(params, tokens);
      // ‖W_rec‖₂ by power iteration, independently of the code's Jacobi method
      expect(relErr(wRecNorm, powerNorm(params.wRec, params.H, params.H))).toBeLessThan(1e-9);
      let bound = 1;
      for (let k = n - 1; k >= 0; k--) {
        bound *= Math.max(...Array.from(s[k + 1], (v) => 1 - v * v)) * wRecNorm;
        expect(norm[k]).toBeLessThanOrEqual(bound * (1 + 1e-12));
      }
    }
  });
});
