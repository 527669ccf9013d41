import fc from 'fast-check';
import { randomLcg } from 'd3-random';
import { describe, expect, it } from 'vitest';
import {
  lstmBackward,
  lstmFinalLoss,
  lstmForward,
  lstmInit,
  type LstmParams,
  type LstmTrace,
} from '~/core/lstm.ts';

const PARAM_NAMES = ['wF', 'wI', 'wO', 'wC', 'bF', 'bI', 'bO', 'bC'] as const;
type ParamName = (typeof PARAM_NAMES)[number];

// Central differences with step 1e-5: truncation error ~ h² ≈ 1e-10 relative, rounding ~ ε|E|/h ≈ 1e-11.
const STEP = 1e-5;
// Gradient check tolerance: |analytic − numeric| ≤ REL · max(|analytic|, |numeric|, FLOOR),
// i.e. relative error ≤ 1e-6, and an absolute floor of REL · FLOOR = 1e-10 for near-zero gradients.
const REL = 1e-6;
const FLOOR = 1e-4;

function relErr(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), FLOOR);
}

function sig(a: number): number {
  return 1 / (1 + Math.exp(-a));
}

function randomVectors(random: () => number, count: number, length: number): Float64Array[] {
  return Array.from({ length: count }, () => Float64Array.from({ length }, () => 2 * random() - 1));
}

interface Problem {
  params: LstmParams;
  x: Float64Array[];
  h0: Float64Array;
  c0: Float64Array;
  a: Float64Array[];
  b: Float64Array[];
}

/** A random cell, inputs, initial state, and loss weights for E = Σ_k ⟨a_k, h_k⟩ + ⟨b_k, c_k⟩. */
function problem(seed: number, H: number, D: number, n: number, forgetGate: boolean): Problem {
  const params = lstmInit({ hiddenSize: H, inputSize: D, seed, scale: 0.9, forgetGate });
  // Random biases too, so that every bias gradient is exercised away from 0.
  const random = randomLcg(seed + 0.5);
  for (const name of ['bF', 'bI', 'bO', 'bC'] as const) {
    const bias = params[name] as Float64Array;
    for (let r = 0; r < H; r++) bias[r] += 2 * random() - 1;
  }
  return {
    params,
    x: randomVectors(random, n, D),
    h0: randomVectors(random, 1, H)[0],
    c0: randomVectors(random, 1, H)[0],
    a: randomVectors(random, n + 1, H),
    b: randomVectors(random, n + 1, H),
  };
}

/** The linear test loss E = Σ_k ⟨a_k, h_k⟩ + ⟨b_k, c_k⟩, computed from a trace. */
function loss(trace: LstmTrace, a: Float64Array[], b: Float64Array[]): number {
  let E = 0;
  for (let k = 0; k <= trace.n; k++) {
    for (let r = 0; r < trace.hiddenSize; r++) E += a[k][r] * trace.h[k][r] + b[k][r] * trace.c[k][r];
  }
  return E;
}

function withParam(params: LstmParams, name: ParamName, j: number, delta: number): LstmParams {
  const copy = Float64Array.from(params[name]);
  copy[j] += delta;
  return { ...params, [name]: copy };
}

/** Checks every gradient of lstmBackward against central differences; returns the largest relative error. */
function gradientCheck({ params, x, h0, c0, a, b }: Problem): number {
  const E = (p: LstmParams, xs: Float64Array[], h: Float64Array, c: Float64Array): number =>
    loss(lstmForward(p, xs, { h0: h, c0: c }), a, b);
  const trace = lstmForward(params, x, { h0, c0 });
  const grad = lstmBackward(params, trace, a, b);
  let worst = 0;
  const check = (analytic: number, plus: number, minus: number, what: string): void => {
    const numeric = (plus - minus) / (2 * STEP);
    const err = relErr(analytic, numeric);
    worst = Math.max(worst, err);
    if (!(err <= REL)) throw new Error(`${what}: analytic ${analytic}, numeric ${numeric}, rel ${err}`);
  };
  for (const name of PARAM_NAMES) {
    for (let j = 0; j < params[name].length; j++) {
      check(
        grad[name][j],
        E(withParam(params, name, j, STEP), x, h0, c0),
        E(withParam(params, name, j, -STEP), x, h0, c0),
        `${name}[${j}]`,
      );
    }
  }
  const bump = (v: Float64Array, j: number, d: number): Float64Array => {
    const w = Float64Array.from(v);
    w[j] += d;
    return w;
  };
  for (let r = 0; r < params.hiddenSize; r++) {
    check(grad.dh[0][r], E(params, x, bump(h0, r, STEP), c0), E(params, x, bump(h0, r, -STEP), c0), `h0[${r}]`);
    check(grad.dc[0][r], E(params, x, h0, bump(c0, r, STEP)), E(params, x, h0, bump(c0, r, -STEP)), `c0[${r}]`);
  }
  for (let k = 1; k <= x.length; k++) {
    for (let j = 0; j < params.inputSize; j++) {
      const xs = (d: number): Float64Array[] => x.map((v, m) => (m === k - 1 ? bump(v, j, d) : v));
      check(grad.dx[k - 1][j], E(params, xs(STEP), h0, c0), E(params, xs(-STEP), h0, c0), `x[${k - 1}][${j}]`);
    }
  }
  return worst;
}

describe('lstmForward', () => {
  // Hand-worked step, H = 1, D = 1, h_0 = 0.1, c_0 = 0.5, x_1 = 1, weights [w_h, w_x] and bias:
  //   W_f = [2, 0.3],   b_f = 0.5   →  a_f = 0.2 + 0.3 + 0.5 = 1    →  f_1 = σ(1)      ≈ 0.731059
  //   W_i = [−1, 0.4],  b_i = −0.3  →  a_i = −0.1 + 0.4 − 0.3 = 0  →  i_1 = σ(0)      = 0.5
  //   W_o = [1, 1.5],   b_o = 0.4   →  a_o = 0.1 + 1.5 + 0.4 = 2    →  o_1 = σ(2)      ≈ 0.880797
  //   W_c = [0.5, 0.25], b_c = 0.2  →  a_c = 0.05 + 0.25 + 0.2 = 0.5 → c̃_1 = tanh(0.5) ≈ 0.462117
  //   c_1 = f_1 c_0 + i_1 c̃_1 ≈ 0.365529 + 0.231059 = 0.596588
  //   h_1 = o_1 tanh(c_1)     ≈ 0.880797 × 0.534620 = 0.470889
  // Loss E = ½ h_1² (target 0) ≈ 0.110868.
  const hand: LstmParams = {
    hiddenSize: 1,
    inputSize: 1,
    forgetGate: true,
    wF: [2, 0.3],
    bF: [0.5],
    wI: [-1, 0.4],
    bI: [-0.3],
    wO: [1, 1.5],
    bO: [0.4],
    wC: [0.5, 0.25],
    bC: [0.2],
  };
  const f1 = sig(1);
  const i1 = 0.5;
  const o1 = sig(2);
  const cTilde1 = Math.tanh(0.5);
  const c1 = f1 * 0.5 + i1 * cTilde1;
  const h1 = o1 * Math.tanh(c1);

  it('lstmForward(hand cell, [1], {h0: [0.1], c0: [0.5]}) matches the scalar formulas', () => {
    const t = lstmForward(hand, [1], { h0: [0.1], c0: [0.5] });
    const cases: Array<[string, number, number]> = [
      ['f_1', t.f[1][0], f1],
      ['i_1', t.i[1][0], i1],
      ['o_1', t.o[1][0], o1],
      ['c̃_1', t.cTilde[1][0], cTilde1],
      ['c_1', t.c[1][0], c1],
      ['h_1', t.h[1][0], h1],
    ];
    for (const [, got, want] of cases) expect(Math.abs(got - want) / Math.abs(want)).toBeLessThanOrEqual(1e-15);
    // the rounded values of the comment above
    expect(Math.abs(h1 - 0.470889)).toBeLessThan(1e-6);
    expect(Math.abs(c1 - 0.596588)).toBeLessThan(1e-6);
    expect([t.h[0][0], t.c[0][0]]).toEqual([0.1, 0.5]);
  });

  it('lstmBackward(hand cell, ½h_1²) matches the hand-derived scalar gradients', () => {
    const t = lstmForward(hand, [1], { h0: [0.1], c0: [0.5] });
    const { E, dLdh } = lstmFinalLoss(t, [0]);
    const gr = lstmBackward(hand, t, dLdh);
    // ∂E/∂h_1 = h_1;  ∂E/∂c_1 = h_1 o_1 (1 − tanh²c_1)
    const dh1 = h1;
    const dc1 = dh1 * o1 * (1 - Math.tanh(c1) ** 2);
    // pre-activation deltas: δa_f = ∂E/∂c_1 c_0 f(1−f), δa_i = ∂E/∂c_1 c̃ i(1−i),
    // δa_c = ∂E/∂c_1 i (1 − c̃²), δa_o = ∂E/∂h_1 tanh(c_1) o(1−o)
    const daF = dc1 * 0.5 * f1 * (1 - f1);
    const daI = dc1 * cTilde1 * i1 * (1 - i1);
    const daC = dc1 * i1 * (1 - cTilde1 * cTilde1);
    const daO = dh1 * Math.tanh(c1) * o1 * (1 - o1);
    // ∂E/∂W_G = δa_G [h_0, x_1] = δa_G [0.1, 1];  ∂E/∂b_G = δa_G
    const expected: Array<[string, number, number]> = [
      ['E', E, 0.5 * h1 * h1],
      ['wF[0]', gr.wF[0], daF * 0.1],
      ['wF[1]', gr.wF[1], daF],
      ['bF', gr.bF[0], daF],
      ['wI[0]', gr.wI[0], daI * 0.1],
      ['wI[1]', gr.wI[1], daI],
      ['bI', gr.bI[0], daI],
      ['wO[0]', gr.wO[0], daO * 0.1],
      ['wO[1]', gr.wO[1], daO],
      ['bO', gr.bO[0], daO],
      ['wC[0]', gr.wC[0], daC * 0.1],
      ['wC[1]', gr.wC[1], daC],
      ['bC', gr.bC[0], daC],
      ['dc_1', gr.dc[1][0], dc1],
      ['dh_1', gr.dh[1][0], dh1],
      // ∂E/∂c_0 = ∂E/∂c_1 f_1;  ∂E/∂h_0 = Σ_G w_{G,h} δa_G;  ∂E/∂x_1 = Σ_G w_{G,x} δa_G
      ['dc_0', gr.dc[0][0], dc1 * f1],
      ['dh_0', gr.dh[0][0], 2 * daF - 1 * daI + 1 * daO + 0.5 * daC],
      ['dx_1', gr.dx[0][0], 0.3 * daF + 0.4 * daI + 1.5 * daO + 0.25 * daC],
    ];
    for (const [what, got, want] of expected) {
      expect(Math.abs(got - want) / Math.abs(want), what).toBeLessThanOrEqual(1e-14);
    }
  });

  it('lstmForward(1997 cell) has f_k ≡ 1 so c_k = c_{k-1} + i_k g_k exactly', () => {
    const params = lstmInit({ hiddenSize: 3, inputSize: 2, seed: 7, forgetGate: false });
    const x = randomVectors(randomLcg(8), 6, 2);
    const t = lstmForward(params, x, { c0: [0.3, -0.2, 0.9] });
    for (let k = 1; k <= 6; k++) {
      for (let r = 0; r < 3; r++) {
        expect(t.f[k][r]).toBe(1);
        expect(t.c[k][r]).toBe(t.c[k - 1][r] + t.i[k][r] * t.cTilde[k][r]);
      }
    }
  });

  it('lstmForward(params, x) returns per-step arrays of length n + 1 with NaN gates at k = 0', () => {
    const params = lstmInit({ hiddenSize: 2, seed: 1 });
    const t = lstmForward(params, [1, 0, 1]);
    for (const a of [t.f, t.i, t.o, t.cTilde, t.c, t.h, t.tanhC]) expect(a.length).toBe(4);
    expect(t.x.length).toBe(3);
    expect([...t.f[0], ...t.i[0], ...t.o[0], ...t.cTilde[0]].every(Number.isNaN)).toBe(true);
    expect([...t.h[0], ...t.c[0]]).toEqual([0, 0, 0, 0]);
    // plain numbers and length-1 vectors are the same input when D = 1
    expect(lstmForward(params, [[1], [0], [1]]).h).toEqual(t.h);
  });
});

describe('lstmInit', () => {
  it('lstmInit({seed}) is reproducible and sets b_f = forgetBias (default 1), other biases 0', () => {
    const a = lstmInit({ hiddenSize: 3, inputSize: 2, seed: 42 });
    const b = lstmInit({ hiddenSize: 3, inputSize: 2, seed: 42 });
    expect(a).toEqual(b);
    expect(Array.from(a.bF)).toEqual([1, 1, 1]);
    expect([...Array.from(a.bI), ...Array.from(a.bO), ...Array.from(a.bC)]).toEqual(new Array(9).fill(0));
    expect(Array.from(lstmInit({ hiddenSize: 2, seed: 42, forgetBias: -0.5 }).bF)).toEqual([-0.5, -0.5]);
    const scale = 1 / Math.sqrt(3);
    for (const name of ['wF', 'wI', 'wO', 'wC'] as const) {
      expect(a[name].length).toBe(15);
      expect(Array.from(a[name]).every((w) => Math.abs(w) <= scale)).toBe(true);
    }
    expect(lstmInit({ hiddenSize: 3, inputSize: 2, seed: 43 }).wI).not.toEqual(a.wI);
  });

  it('lstmInit({forgetGate: false}) shares W_i, W_o, W_c with the modern cell of the same seed', () => {
    const modern = lstmInit({ hiddenSize: 2, seed: 5 });
    const old = lstmInit({ hiddenSize: 2, seed: 5, forgetGate: false });
    expect(old.forgetGate).toBe(false);
    expect([old.wI, old.wO, old.wC]).toEqual([modern.wI, modern.wO, modern.wC]);
  });
});

describe('lstmBackward', () => {
  it.each([
    // modern cell, H = 2, one input, 3 steps
    { H: 2, D: 1, n: 3, forgetGate: true, seed: 11 },
    // modern cell, H = 3, two inputs, 5 steps
    { H: 3, D: 2, n: 5, forgetGate: true, seed: 12 },
    // 1997 cell (no forget gate), H = 2, one input, 5 steps
    { H: 2, D: 1, n: 5, forgetGate: false, seed: 13 },
    // 1997 cell, H = 3, two inputs, 4 steps
    { H: 3, D: 2, n: 4, forgetGate: false, seed: 14 },
  ])('lstmBackward(H=$H, D=$D, n=$n, forgetGate=$forgetGate) matches central differences for every parameter', ({
    H,
    D,
    n,
    forgetGate,
    seed,
  }) => {
    const worst = gradientCheck(problem(seed, H, D, n, forgetGate));
    expect(worst).toBeLessThanOrEqual(REL);
  });

  it('lstmBackward(1997 cell) gives exactly zero gradients for the unused W_f, b_f', () => {
    const { params, x, a, b } = problem(21, 3, 2, 4, false);
    const g = lstmBackward(params, lstmForward(params, x), a, b);
    expect([...g.wF, ...g.bF].every((v) => v === 0)).toBe(true);
  });

  it('lstmBackward(params, trace, lstmFinalLoss(trace, target).dLdh) matches central differences of ½‖h_n − target‖²', () => {
    const params = lstmInit({ hiddenSize: 3, inputSize: 1, seed: 3 });
    const x = [0.5, -1, 0.25, 1];
    const target = [0.2, -0.4, 0.1];
    const t = lstmForward(params, x);
    const g = lstmBackward(params, t, lstmFinalLoss(t, target).dLdh);
    let worst = 0;
    for (const name of PARAM_NAMES) {
      for (let j = 0; j < params[name].length; j++) {
        const Ep = lstmFinalLoss(lstmForward(withParam(params, name, j, STEP), x), target).E;
        const Em = lstmFinalLoss(lstmForward(withParam(params, name, j, -STEP), x), target).E;
        worst = Math.max(worst, relErr(g[name][j], (Ep - Em) / (2 * STEP)));
      }
    }
    expect(worst).toBeLessThanOrEqual(REL);
  });

  it('lstmBackward matches central differences over random cells (fast-check, seed 2024, rel 1e-6)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 2 }),
        fc.integer({ min: 0, max: 6 }),
        fc.boolean(),
        (seed, H, D, n, forgetGate) => gradientCheck(problem(seed, H, D, n, forgetGate)) <= REL,
      ),
      { seed: 2024, numRuns: 40 },
    );
  });
});

describe('bad input', () => {
  const ok = lstmInit({ hiddenSize: 2, seed: 1 });
  const trace = lstmForward(ok, [1, 0]);
  const zeros = [new Float64Array(2), new Float64Array(2), new Float64Array(2)];
  it.each([
    // hidden size above 64
    ['lstmInit hiddenSize 65', () => lstmInit({ hiddenSize: 65, seed: 1 }), 'hiddenSize must be an integer from 1 to 64, got 65'],
    // hidden size 0
    ['lstmInit hiddenSize 0', () => lstmInit({ hiddenSize: 0, seed: 1 }), 'hiddenSize must be an integer from 1 to 64, got 0'],
    // fractional hidden size
    ['lstmInit hiddenSize 1.5', () => lstmInit({ hiddenSize: 1.5, seed: 1 }), 'hiddenSize must be an integer from 1 to 64, got 1.5'],
    // a seed is required: no hidden Math.random
    ['lstmInit without seed', () => lstmInit({ hiddenSize: 2 } as never), 'seed must be a finite number, got undefined'],
    // non-finite forget bias
    ['lstmInit forgetBias NaN', () => lstmInit({ hiddenSize: 2, seed: 1, forgetBias: NaN }), 'forgetBias must be a finite number, got NaN'],
    // a string inside the input sequence
    ['x[1] a string', () => lstmForward(ok, [1, 'a' as never]), 'x[1] must be a finite number, got "a"'],
    // infinite input
    ['x[2] Infinity', () => lstmForward(ok, [1, 0, Infinity]), 'x[2] must be a finite number, got Infinity'],
    // input vector of the wrong length
    ['x[0] wrong length', () => lstmForward(ok, [[1, 2]]), 'x[0] must have length 1, got length 2'],
    // NaN inside an input vector (D = 2)
    [
      'x[0][1] NaN',
      () => lstmForward(lstmInit({ hiddenSize: 2, inputSize: 2, seed: 1 }), [[1, NaN]]),
      'x[0][1] must be a finite number, got NaN',
    ],
    // x not an array
    ['x not an array', () => lstmForward(ok, 3 as never), 'x must be an array of inputs, got 3'],
    // initial state of the wrong size
    ['h0 wrong length', () => lstmForward(ok, [1], { h0: [0, 0, 0] }), 'h0 must have length 2, got length 3'],
    // non-finite initial cell state
    ['c0[1] NaN', () => lstmForward(ok, [1], { c0: [0, NaN] }), 'c0[1] must be a finite number, got NaN'],
    // a weight matrix of the wrong size
    [
      'wO wrong length',
      () => lstmForward({ ...ok, wO: new Float64Array(5) }, [1]),
      'params.wO must have length 6, got length 5',
    ],
    // a non-finite weight
    [
      'wC[3] Infinity',
      () => lstmForward({ ...ok, wC: [0, 0, 0, -Infinity, 0, 0] }, [1]),
      'params.wC[3] must be a finite number, got -Infinity',
    ],
    // hand-built params with H out of range
    ['params.hiddenSize 100', () => lstmForward({ ...ok, hiddenSize: 100 }, [1]), 'params.hiddenSize must be an integer from 1 to 64, got 100'],
    // dLdh with n entries instead of n + 1
    ['dLdh too short', () => lstmBackward(ok, trace, zeros.slice(0, 2)), 'dLdh must be an array of n + 1 = 3 vectors, got length 2'],
    // NaN in dLdh
    [
      'dLdh[2][0] NaN',
      () => lstmBackward(ok, trace, [zeros[0], zeros[1], new Float64Array([NaN, 0])]),
      'dLdh[2][0] must be a finite number, got NaN',
    ],
    // a trace from a different cell
    [
      'trace from other params',
      () => lstmBackward(lstmInit({ hiddenSize: 3, seed: 1 }), trace, zeros),
      'trace must come from lstmForward with these params (H = 3, D = 1, forgetGate = true)',
    ],
    // target of the wrong length
    ['target wrong length', () => lstmFinalLoss(trace, [0]), 'target must have length 2, got length 1'],
  ])('%s throws RangeError', (_name, call, message) => {
    expect(call).toThrow(RangeError);
    expect(call).toThrow(message);
  });
});
