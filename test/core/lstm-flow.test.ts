import fc from 'fast-check';
import { randomLcg } from 'd3-random';
import { describe, expect, it } from 'vitest';
import { lstmForward, lstmInit, type LstmParams } from '~/core/lstm.ts';
import { cellFlow, cellPathFlow, errorFlow } from '~/core/lstm-flow.ts';

// Property tolerance for products of at most ~60 factors against a closed form: each multiplication
// rounds by ≤ ε/2 ≈ 1.1e-16, so 60 of them stay far below 1e-12.
const REL_PRODUCT = 1e-12;
const MIN_NORMAL = 2.2250738585072014e-308;

function rel(a: number, b: number): number {
  return a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));
}

function sig(a: number): number {
  return 1 / (1 + Math.exp(-a));
}

function inputs(seed: number, n: number, D: number): number[][] {
  const random = randomLcg(seed);
  return Array.from({ length: n }, () => Array.from({ length: D }, () => 2 * random() - 1));
}

/** The same cell with every recurrent column (the weights on h_{k-1}) of every gate set to 0. */
function withoutRecurrence(params: LstmParams): LstmParams {
  const H = params.hiddenSize;
  const Z = H + params.inputSize;
  const cut = (w: ArrayLike<number>): Float64Array => {
    const v = Float64Array.from(w);
    for (let r = 0; r < H; r++) for (let j = 0; j < H; j++) v[r * Z + j] = 0;
    return v;
  };
  return { ...params, wF: cut(params.wF), wI: cut(params.wI), wO: cut(params.wO), wC: cut(params.wC) };
}

/**
 * c_n as a function of c_{k,r'}: rerun the cell from step k with c_k bumped by delta in unit r'.
 * For k ≥ 1 the bump also moves h_k = o_k ⊙ tanh(c_k), as it does in the network; h_0 is an
 * independent initial state and stays put.
 */
function cnAfterBump(
  params: LstmParams,
  x: number[][],
  k: number,
  rPrime: number,
  delta: number,
): Float64Array {
  const t = lstmForward(params, x);
  const ck = Float64Array.from(t.c[k]);
  ck[rPrime] += delta;
  const hk = Float64Array.from(t.h[k]);
  if (k >= 1) for (let r = 0; r < hk.length; r++) hk[r] = t.o[k][r] * Math.tanh(ck[r]);
  const rest = lstmForward(params, x.slice(k), { h0: hk, c0: ck });
  return rest.c[rest.n];
}

describe('errorFlow', () => {
  it('errorFlow({n: 3, wRec: 2, forget: 0.5}) gives w_rec^{n−k} = 8, 4, 2, 1 and f^{n−k} = 1/8, 1/4, 1/2, 1', () => {
    const { plain, cell } = errorFlow({ n: 3, wRec: 2, forget: 0.5 });
    expect([...plain]).toEqual([8, 4, 2, 1]);
    expect([...cell]).toEqual([0.125, 0.25, 0.5, 1]);
  });

  it('errorFlow with a forget sequence multiplies f_{k+1} … f_n (forget[j-1] = f_j)', () => {
    // f_1 = 0.5, f_2 = 0.25, f_3 = 1:  cell[3] = 1, cell[2] = f_3 = 1, cell[1] = f_2 f_3 = 0.25, cell[0] = f_1 f_2 f_3 = 0.125
    expect([...errorFlow({ n: 3, wRec: 1, forget: [0.5, 0.25, 1] }).cell]).toEqual([0.125, 0.25, 1, 1]);
  });

  it('errorFlow defaults to forget = 1 (the 1997 cell): the cell factor is 1 for every k', () => {
    expect([...errorFlow({ n: 4, wRec: 0.5 }).cell]).toEqual([1, 1, 1, 1, 1]);
  });

  it.each([
    // w_rec = 0: one step back the factor is exactly 0 and stays 0; w_rec^0 = 1 at k = n
    { wRec: 0, forget: 1, plain: [0, 0, 0, 1], cell: [1, 1, 1, 1] },
    // an exactly closed forget gate cuts the cell path: zeros stay zeros
    { wRec: 1, forget: [1, 0, 1], plain: [1, 1, 1, 1], cell: [0, 0, 1, 1] },
    // overflow becomes +Infinity, not NaN
    { wRec: 1e200, forget: 1, plain: [Infinity, Infinity, 1e200, 1], cell: [1, 1, 1, 1] },
    // a negative weight alternates the sign of the infinity: (−1e200)² overflows to +∞, then −∞
    { wRec: -1e200, forget: 1, plain: [-Infinity, Infinity, -1e200, 1], cell: [1, 1, 1, 1] },
    // underflow ends in an exact 0: (1e-200)² = 0 in doubles
    { wRec: 1e-200, forget: 1, plain: [0, 0, 1e-200, 1], cell: [1, 1, 1, 1] },
  ])('errorFlow({n: 3, wRec: $wRec, forget: $forget}) keeps zeros and infinities without NaN', ({
    wRec,
    forget,
    plain,
    cell,
  }) => {
    const got = errorFlow({ n: 3, wRec, forget });
    expect([...got.plain]).toEqual(plain);
    expect([...got.cell]).toEqual(cell);
  });

  it('errorFlow plain factor equals Math.pow(wRec, n − k) within relative 1e-12 where finite (fast-check, seed 7)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 }),
        fc.double({ min: -50, max: 50, noNaN: true }),
        (n, wRec) => {
          const { plain } = errorFlow({ n, wRec });
          for (let k = 0; k <= n; k++) {
            const want = Math.pow(wRec, n - k);
            // compare only where the closed form is a finite, normal double (subnormals lose relative precision)
            if (!Number.isFinite(want) || Math.abs(want) < MIN_NORMAL) {
              if (want === 0 && plain[k] !== 0) return false;
              continue;
            }
            if (!(rel(plain[k], want) <= REL_PRODUCT)) return false;
          }
          return true;
        },
      ),
      { seed: 7, numRuns: 500 },
    );
  });

  it('errorFlow cell factor with constant f equals f^{n−k} within relative 1e-12 (fast-check, seed 8)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 }),
        fc.double({ min: 1e-3, max: 1, noNaN: true }),
        (n, f) => {
          const { cell } = errorFlow({ n, wRec: 1, forget: f });
          for (let k = 0; k <= n; k++) if (!(rel(cell[k], f ** (n - k)) <= REL_PRODUCT)) return false;
          return true;
        },
      ),
      { seed: 8, numRuns: 500 },
    );
  });
});

describe('cellPathFlow', () => {
  it('cellPathFlow(1997 cell) is exactly 1 for every k and unit (fast-check, seed 9)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 2 }),
        fc.integer({ min: 0, max: 40 }),
        (seed, H, D, n) => {
          const params = lstmInit({ hiddenSize: H, inputSize: D, seed, scale: 2, forgetGate: false });
          const flow = cellPathFlow(lstmForward(params, inputs(seed + 1, n, D)));
          return flow.length === n + 1 && flow.every((row) => row.every((v) => v === 1));
        },
      ),
      { seed: 9, numRuns: 200 },
    );
  });

  it('cellPathFlow with a constant forget gate f = σ(b_f) equals f^{n−k} within relative 1e-12 (fast-check, seed 10)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 0, max: 40 }),
        fc.double({ min: -4, max: 4, noNaN: true }),
        (seed, H, n, bias) => {
          // W_f = 0 makes f_k = σ(b_f) at every step, whatever the input and state
          const base = lstmInit({ hiddenSize: H, seed, forgetBias: bias });
          const params = { ...base, wF: new Float64Array(base.wF.length) };
          const f = sig(bias);
          const flow = cellPathFlow(lstmForward(params, inputs(seed + 1, n, 1)));
          const ideal = errorFlow({ n, wRec: 1, forget: f }).cell;
          for (let k = 0; k <= n; k++) {
            for (let r = 0; r < H; r++) {
              if (!(rel(flow[k][r], f ** (n - k)) <= REL_PRODUCT)) return false;
              if (!(rel(flow[k][r], ideal[k]) <= REL_PRODUCT)) return false;
            }
          }
          return true;
        },
      ),
      { seed: 10, numRuns: 200 },
    );
  });

  it('cellPathFlow(trace)[k][r] is the product of the forget gates f_{k+1,r} … f_{n,r} of the run', () => {
    const params = lstmInit({ hiddenSize: 2, seed: 4 });
    const t = lstmForward(params, [1, -0.5, 0.25]);
    const flow = cellPathFlow(t);
    for (let r = 0; r < 2; r++) {
      expect(flow[3][r]).toBe(1);
      expect(flow[2][r]).toBe(t.f[3][r]);
      expect(flow[1][r]).toBe(t.f[3][r] * t.f[2][r]);
      expect(flow[0][r]).toBe(t.f[3][r] * t.f[2][r] * t.f[1][r]);
    }
  });

  it.each([
    // modern cell
    { forgetGate: true, seed: 31 },
    // 1997 cell
    { forgetGate: false, seed: 32 },
  ])('cellPathFlow equals central differences ∂c_n/∂c_k when the recurrent weights are 0 (forgetGate=$forgetGate)', ({
    forgetGate,
    seed,
  }) => {
    // With every weight on h_{k-1} set to 0, c_k reaches c_n only through the cell state
    // (h_k feeds nothing later), so c_n is affine in c_k and the derivative is exactly the product of
    // the forget gates. Checked independently: rerun the forward pass from step k with c_k ± ε.
    const H = 3;
    const n = 6;
    const params = withoutRecurrence(lstmInit({ hiddenSize: H, inputSize: 2, seed, scale: 1.5, forgetGate }));
    const x = inputs(seed + 1, n, 2);
    const flow = cellPathFlow(lstmForward(params, x));
    const eps = 1e-4;
    for (let k = 0; k <= n; k++) {
      for (let rPrime = 0; rPrime < H; rPrime++) {
        const plus = cnAfterBump(params, x, k, rPrime, eps);
        const minus = cnAfterBump(params, x, k, rPrime, -eps);
        for (let r = 0; r < H; r++) {
          const numeric = (plus[r] - minus[r]) / (2 * eps);
          // the cell path is diagonal: unit r' of c_k does not reach unit r ≠ r' of c_n
          const want = r === rPrime ? flow[k][r] : 0;
          // relative 1e-8, absolute floor 1e-12 (rounding of c_n ≈ 1e-16 divided by 2ε)
          expect(Math.abs(numeric - want)).toBeLessThanOrEqual(1e-8 * Math.abs(want) + 1e-12);
        }
      }
    }
  });
});

describe('cellFlow', () => {
  it.each([
    // modern cell
    { forgetGate: true, seed: 41 },
    // 1997 cell
    { forgetGate: false, seed: 42 },
  ])('cellFlow (every path) matches central differences ∂c_{n,r}/∂c_{k,r} with recurrence on (forgetGate=$forgetGate)', ({
    forgetGate,
    seed,
  }) => {
    const H = 3;
    const n = 6;
    const params = lstmInit({ hiddenSize: H, inputSize: 2, seed, scale: 1.5, forgetGate });
    const x = inputs(seed + 1, n, 2);
    const total = cellFlow(params, lstmForward(params, x));
    const path = cellPathFlow(lstmForward(params, x));
    const eps = 1e-5;
    let largestGap = 0;
    for (let k = 0; k <= n; k++) {
      for (let r = 0; r < H; r++) {
        const numeric = (cnAfterBump(params, x, k, r, eps)[r] - cnAfterBump(params, x, k, r, -eps)[r]) / (2 * eps);
        // relative 1e-6 with an absolute floor of 1e-10
        expect(Math.abs(total[k][r] - numeric)).toBeLessThanOrEqual(1e-6 * Math.abs(numeric) + 1e-10);
        largestGap = Math.max(largestGap, Math.abs(total[k][r] - path[k][r]));
      }
    }
    // with recurrence on, the paths through h and the gates add a visible amount to the cell path
    expect(largestGap).toBeGreaterThan(1e-3);
  });

  it('cellFlow equals cellPathFlow within relative 1e-12 when the recurrent weights are 0', () => {
    const params = withoutRecurrence(lstmInit({ hiddenSize: 3, seed: 5, scale: 1.5 }));
    const t = lstmForward(params, inputs(6, 8, 1));
    const total = cellFlow(params, t);
    const path = cellPathFlow(t);
    for (let k = 0; k <= 8; k++) for (let r = 0; r < 3; r++) expect(rel(total[k][r], path[k][r])).toBeLessThanOrEqual(1e-12);
  });

  it('cellFlow(1997 cell) leaves 1 behind: the other paths multiply by weights and can exceed it', () => {
    // H = 4, seed 3, weights uniform in [−0.5, 0.5], 30 steps of x_k = sin(k − 1): the cell path is exactly 1
    // for every k, but the total ∂c_{n,r}/∂c_{0,r} reaches about 13.8 for one unit (measured).
    const params = lstmInit({ hiddenSize: 4, seed: 3, scale: 0.5, forgetGate: false });
    const t = lstmForward(params, Array.from({ length: 30 }, (_, k) => Math.sin(k)));
    const total = cellFlow(params, t);
    expect(cellPathFlow(t).every((row) => row.every((v) => v === 1))).toBe(true);
    expect(Math.max(...total[0].map(Math.abs))).toBeGreaterThan(2);
  });
});

describe('bad input', () => {
  it.each([
    // negative horizon
    ['n = -1', () => errorFlow({ n: -1, wRec: 1 }), 'n must be an integer from 0 to 1000000, got -1'],
    // fractional horizon
    ['n = 2.5', () => errorFlow({ n: 2.5, wRec: 1 }), 'n must be an integer from 0 to 1000000, got 2.5'],
    // non-finite recurrent weight
    ['wRec = NaN', () => errorFlow({ n: 3, wRec: NaN }), 'wRec must be a finite number, got NaN'],
    // a string weight
    ['wRec = "2"', () => errorFlow({ n: 3, wRec: '2' as never }), 'wRec must be a finite number, got "2"'],
    // a forget gate above 1 is not a sigmoid output
    ['forget = 1.5', () => errorFlow({ n: 3, wRec: 1, forget: 1.5 }), 'forget must be a number in [0, 1], got 1.5'],
    // NaN inside a forget sequence
    ['forget[1] = NaN', () => errorFlow({ n: 3, wRec: 1, forget: [1, NaN, 1] }), 'forget[1] must be a number in [0, 1], got NaN'],
    // a forget sequence of the wrong length
    [
      'forget length 2 for n = 3',
      () => errorFlow({ n: 3, wRec: 1, forget: [1, 1] }),
      'forget must be a number or an array of n = 3 gate values, got length 2',
    ],
    // not a trace
    ['cellPathFlow(null)', () => cellPathFlow(null as never), 'trace must be the result of lstmForward, got null'],
  ])('%s throws RangeError', (_name, call, message) => {
    expect(call).toThrow(RangeError);
    expect(call).toThrow(message);
  });
});
