import fc from 'fast-check';
import { randomLcg } from 'd3-random';
import { describe, expect, it } from 'vitest';
import { stepState } from '~/core/lm/forward.ts';
import { initParams } from '~/core/lm/params.ts';
import type { RnnLayer } from '~/core/rnnLayer.ts';
import { rnnStep } from '~/core/rnnStep.ts';
import { rnnStepBackward } from '~/core/rnnStepBackward.ts';
import { centralDifference, relErr, REL } from './addingFixtures.ts';

/** A random layer of H units and D inputs, weights uniform in [−1, 1). */
function layer(seed: number, H: number, D: number, activation: 'tanh' | 'identity' = 'tanh'): RnnLayer {
  const random = randomLcg(seed);
  const draw = (n: number): Float64Array => Float64Array.from({ length: n }, () => 2 * random() - 1);
  return { H, activation, wRec: draw(H * H), wX: draw(H * D), b: draw(H) };
}

function vector(seed: number, n: number): Float64Array {
  const random = randomLcg(seed);
  return Float64Array.from({ length: n }, () => 2 * random() - 1);
}

describe('rnnStep', () => {
  it('rnnStep(H = 2, D = 2) gives the hand-worked s_1', () => {
    // W_rec = [[0.5, −0.25], [0.25, 0.5]], W_x = [[1, −0.5], [0, 2]], b = (0, 0.1), s_0 = (0.2, −0.4), x_1 = (0.5, 1):
    //   a_1 = (0.1 + 0.1 + 0.5 − 0.5 + 0, −0.2 + 0.05 + 0 + 2 + 0.1) = (0.2, 1.95),  s_1 = (tanh 0.2, tanh 1.95)
    const l: RnnLayer = {
      H: 2,
      activation: 'tanh',
      wRec: Float64Array.of(0.5, -0.25, 0.25, 0.5),
      wX: Float64Array.of(1, -0.5, 0, 2),
      b: Float64Array.of(0, 0.1),
    };
    const s1 = new Float64Array(2);
    rnnStep(l, Float64Array.of(0.2, -0.4), [0.5, 1], s1);
    expect(relErr(s1[0], Math.tanh(0.2), 1e-300)).toBeLessThanOrEqual(1e-15);
    expect(relErr(s1[1], Math.tanh(1.95), 1e-300)).toBeLessThanOrEqual(1e-15);
    expect(Math.abs(s1[0] - 0.197375)).toBeLessThan(1e-6);
    expect(Math.abs(s1[1] - 0.960319)).toBeLessThan(1e-6);
  });

  it('rnnStep with a column index v equals rnnStep with the dense one-hot vector e_v, bit for bit (fast-check)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 9 }), fc.nat(1000), fc.boolean(), (H, D, seed, tanh) => {
        const l = layer(seed, H, D, tanh ? 'tanh' : 'identity');
        const sPrev = vector(seed + 1, H);
        for (let v = 0; v < D; v++) {
          const oneHot = new Float64Array(D);
          oneHot[v] = 1;
          const byIndex = new Float64Array(H);
          const dense = new Float64Array(H);
          rnnStep(l, sPrev, v, byIndex);
          rnnStep(l, sPrev, oneHot, dense);
          expect(byIndex).toEqual(dense);
        }
      }),
      { seed: 3, numRuns: 60 },
    );
  });

  it("rnnStep is the language model's stepState (lm-state): same state for a word index", () => {
    const params = initParams(5, 7, { seed: 4 });
    const sPrev = vector(9, 5);
    const a = new Float64Array(5);
    const b = new Float64Array(5);
    stepState(params, sPrev, 3, a);
    rnnStep(params, sPrev, 3, b);
    expect(a).toEqual(b);
  });
});

describe('rnnStepBackward', () => {
  /** E = ⟨r, s_k⟩ for a fixed vector r, as a function of the weights and s_{k-1}. */
  function stepLoss(l: RnnLayer, sPrev: Float64Array, xk: Float64Array | number, r: Float64Array): number {
    const sk = new Float64Array(l.H);
    rnnStep(l, sPrev, xk, sk);
    return sk.reduce((sum, v, i) => sum + v * r[i], 0);
  }

  it('rnnStepBackward(H = 1, D = 1) gives the hand-derived gradients of E = s_1', () => {
    // s_1 = tanh(w_rec s_0 + w_x x_1 + b) with w_rec = 0.5, w_x = 2, b = 0.1, s_0 = 0.4, x_1 = 0.3: a_1 = 0.9,
    // g_1 = 1 − tanh² 0.9;  ∂E/∂w_rec = g_1 s_0,  ∂E/∂w_x = g_1 x_1,  ∂E/∂b = g_1,  ∂E/∂s_0 = w_rec g_1
    const l: RnnLayer = { H: 1, activation: 'tanh', wRec: Float64Array.of(0.5), wX: Float64Array.of(2), b: Float64Array.of(0.1) };
    const s0 = Float64Array.of(0.4);
    const s1 = new Float64Array(1);
    rnnStep(l, s0, [0.3], s1);
    const grads = { wRec: new Float64Array(1), wX: new Float64Array(1), b: new Float64Array(1) };
    const g = new Float64Array(1);
    const ds0 = new Float64Array(1);
    rnnStepBackward(l, s0, s1, [0.3], [1], g, grads, ds0);
    const g1 = 1 - Math.tanh(0.9) ** 2;
    const cases: Array<[string, number, number]> = [
      ['g_1', g[0], g1],
      ['∂E/∂w_rec', grads.wRec[0], g1 * 0.4],
      ['∂E/∂w_x', grads.wX[0], g1 * 0.3],
      ['∂E/∂b', grads.b[0], g1],
      ['∂E/∂s_0', ds0[0], 0.5 * g1],
    ];
    for (const [what, got, want] of cases) expect(relErr(got, want, 1e-300), what).toBeLessThanOrEqual(1e-14);
  });

  it('rnnStepBackward matches central differences of E = ⟨r, s_k⟩ for every weight and s_{k-1} (fast-check, relative error ≤ 1e-6, floor 1e-4)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }), fc.nat(1000), fc.boolean(), fc.boolean(), (H, D, seed, tanh, oneHot) => {
        const l = layer(seed, H, D, tanh ? 'tanh' : 'identity');
        const sPrev = vector(seed + 1, H);
        const r = vector(seed + 2, H);
        const xk: Float64Array | number = oneHot ? seed % D : vector(seed + 3, D);
        const sk = new Float64Array(H);
        rnnStep(l, sPrev, xk, sk);
        const grads = { wRec: new Float64Array(H * H), wX: new Float64Array(H * D), b: new Float64Array(H) };
        const dsPrev = new Float64Array(H);
        rnnStepBackward(l, sPrev, sk, xk, r, new Float64Array(H), grads, dsPrev);
        const E = (): number => stepLoss(l, sPrev, xk, r);
        for (const [name, w] of [['wRec', l.wRec], ['wX', l.wX], ['b', l.b]] as const) {
          for (let i = 0; i < w.length; i++) expect(relErr(grads[name][i], centralDifference(E, w, i)), `${name}[${i}]`).toBeLessThanOrEqual(REL);
        }
        for (let j = 0; j < H; j++) expect(relErr(dsPrev[j], centralDifference(E, sPrev, j)), `s_{k-1}[${j}]`).toBeLessThanOrEqual(REL);
      }),
      { seed: 5, numRuns: 60 },
    );
  });

  it('rnnStepBackward accumulates into grads, and null grads or null dsPrev leave the other output unchanged', () => {
    const l = layer(1, 3, 2);
    const sPrev = vector(2, 3);
    const sk = new Float64Array(3);
    rnnStep(l, sPrev, [0.5, -1], sk);
    const d = vector(3, 3);
    const full = { wRec: new Float64Array(9), wX: new Float64Array(6), b: new Float64Array(3) };
    const dsFull = new Float64Array(3);
    rnnStepBackward(l, sPrev, sk, [0.5, -1], d, new Float64Array(3), full, dsFull);
    const twice = { wRec: full.wRec.slice(), wX: full.wX.slice(), b: full.b.slice() };
    rnnStepBackward(l, sPrev, sk, [0.5, -1], d, new Float64Array(3), twice, null);
    expect(twice.wRec).toEqual(full.wRec.map((v) => v + v));
    expect(twice.b).toEqual(full.b.map((v) => v + v));
    const dsOnly = new Float64Array(3).fill(7);
    rnnStepBackward(l, sPrev, sk, [0.5, -1], d, new Float64Array(3), null, dsOnly);
    expect(dsOnly).toEqual(dsFull);
  });
});
