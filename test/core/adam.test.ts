import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ADAM_DEFAULTS, adam } from '~/core';

/** |a − b| / max(|a|, |b|): the relative error (0 when both are 0). */
const rel = (a: number, b: number) => (a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b)));

/**
 * Adam for one scalar, written independently from the "efficient" form of Kingma & Ba (2015), Section 2:
 * α_t = η √(1 − β2^t) / (1 − β1^t),  θ ← θ − α_t m / (√v + ε̂)  with ε̂ = ε √(1 − β2^t), which is algebraically the
 * bias-corrected update η m̂ / (√v̂ + ε). Returns the step taken.
 */
function scalarAdam(eta: number, beta1: number, beta2: number, epsilon: number) {
  let m = 0;
  let v = 0;
  let t = 0;
  return (g: number): number => {
    t += 1;
    m = beta1 * m + (1 - beta1) * g;
    v = beta2 * v + (1 - beta2) * g * g;
    const root = Math.sqrt(1 - Math.pow(beta2, t));
    const alpha = (eta * root) / (1 - Math.pow(beta1, t));
    return (alpha * m) / (Math.sqrt(v) + epsilon * root);
  };
}

describe('adam', () => {
  it('adam([1], { learningRate: 0.1 }): three updates of θ = 1 with g = 0.5, −0.25, 0 worked by hand', () => {
    // β1 = 0.9, β2 = 0.999, ε = 1e-8.
    // t = 1, g = 0.5:   m = 0.05, v = 0.00025, m̂ = 0.05 / 0.1 = 0.5 = g, v̂ = 0.00025 / 0.001 = 0.25 = g²,
    //                   step = 0.1 · 0.5 / (0.5 + 1e-8) = 0.0999999980000000400, θ = 0.900000001999999960
    // t = 2, g = −0.25: m = 0.045 − 0.025 = 0.02, v = 0.00024975 + 0.0000625 = 0.00031225,
    //                   m̂ = 0.02 / 0.19 = 0.105263157894736842, v̂ = 0.00031225 / 0.001999 = 0.156203101550775388,
    //                   √v̂ = 0.395225380701664184, step = 0.0266337032921537974, θ = 0.873366298707846163
    //                   (the gradient turned negative, but the first moment still points down: θ keeps falling)
    // t = 3, g = 0:     m = 0.018, v = 0.00031193775, m̂ = 0.018 / 0.271 = 0.0664206642066420664,
    //                   v̂ = 0.00031193775 / 0.002997001 = 0.104083298604171303, √v̂ = 0.322619433085130976,
    //                   step = 0.0205879297203781239, θ = 0.852778368987468039   (a zero gradient still moves θ)
    const rule = adam([1], { learningRate: 0.1 });
    const theta = new Float64Array([1]);
    const g = new Float64Array(1);
    const expected = [0.90000000199999996, 0.873366298707846163, 0.852778368987468039];
    [0.5, -0.25, 0].forEach((gt, i) => {
      g[0] = gt;
      rule.step([theta], [g]);
      // relative 1e-15: a few roundings of numbers of order 1
      expect(rel(theta[0], expected[i])).toBeLessThanOrEqual(1e-15);
      expect(rule.t).toBe(i + 1);
    });
    expect(rel(rule.m[0][0], 0.018)).toBeLessThanOrEqual(1e-15);
    expect(rel(rule.v[0][0], 0.00031193775)).toBeLessThanOrEqual(1e-15);
  });

  it('adam on a constant gradient matches the closed form θ_T = θ_0 − T η g / (|g| + ε) (m̂ = g and v̂ = g² at every t)', () => {
    const rule = adam([3], { learningRate: 0.01 });
    const g = new Float64Array([3, -0.002, 1e4]);
    const theta = new Float64Array([0, 0, 0]);
    const T = 200;
    for (let t = 0; t < T; t++) rule.step([theta], [g]);
    for (let i = 0; i < 3; i++) {
      const closed = (-T * 0.01 * g[i]) / (Math.abs(g[i]) + 1e-8);
      // relative 1e-12: m / (1 − β1^t) equals g only up to rounding, 200 times
      expect(rel(theta[i], closed)).toBeLessThanOrEqual(1e-12);
    }
  });

  it('adam matches a scalar Adam per entry (the efficient form of the paper) on random blocks and gradients, to 1e-12 of the distance travelled', () => {
    const block = fc.integer({ min: 0, max: 4 });
    // gradients of any size from 1e-100 to 1e6, or exactly 0
    const gradient = fc.oneof(
      fc.constant(0),
      fc.double({ min: 1e-100, max: 1e6, noNaN: true }),
      fc.double({ min: -1e6, max: -1e-100, noNaN: true }),
    );
    fc.assert(
      fc.property(
        fc.array(block, { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 6 }),
        fc.double({ min: 1e-4, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 0.99, noNaN: true }),
        fc.double({ min: 0, max: 0.9999, noNaN: true }),
        fc.double({ min: 1e-10, max: 1e-2, noNaN: true }),
        fc.array(gradient, { minLength: 4 * 4 * 6, maxLength: 4 * 4 * 6 }),
        (sizes, steps, eta, beta1, beta2, epsilon, pool) => {
          const rule = adam(sizes, { learningRate: eta, beta1, beta2, epsilon });
          const theta = sizes.map((n) => new Float64Array(n));
          const g = sizes.map((n) => new Float64Array(n));
          const reference = sizes.map((n) => Array.from({ length: n }, () => scalarAdam(eta, beta1, beta2, epsilon)));
          const position = sizes.map((n) => new Array<number>(n).fill(0));
          const travelled = sizes.map((n) => new Array<number>(n).fill(0));
          let next = 0;
          for (let t = 0; t < steps; t++) {
            sizes.forEach((n, b) => {
              for (let i = 0; i < n; i++) {
                g[b][i] = pool[next++ % pool.length];
                const step = reference[b][i](g[b][i]);
                position[b][i] -= step;
                travelled[b][i] += Math.abs(step);
              }
            });
            rule.step(theta, g);
            sizes.forEach((n, b) => {
              for (let i = 0; i < n; i++) {
                expect(Math.abs(theta[b][i] - position[b][i])).toBeLessThanOrEqual(1e-12 * travelled[b][i]);
              }
            });
          }
        },
      ),
      { seed: 11, numRuns: 300 },
    );
  });

  it('adam: the first step is η g / (|g| + ε), never longer than η (relative 1e-15), whatever the size of g', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-100, max: 1e100, noNaN: true }),
        fc.boolean(),
        fc.double({ min: 1e-6, max: 10, noNaN: true }),
        fc.double({ min: 1e-12, max: 1, noNaN: true }),
        (size, negative, eta, epsilon) => {
          const gt = negative ? -size : size;
          const rule = adam([1], { learningRate: eta, epsilon });
          const theta = new Float64Array([0]);
          rule.step([theta], [new Float64Array([gt])]);
          expect(Math.abs(theta[0])).toBeLessThanOrEqual(eta * (1 + 1e-15));
          expect(rel(-theta[0], (eta * gt) / (Math.abs(gt) + epsilon))).toBeLessThanOrEqual(1e-15);
        },
      ),
      { seed: 12, numRuns: 500 },
    );
  });

  it('adam keeps its moments in the Float64Arrays it allocated at creation, and a zero gradient block stays put at t = 1', () => {
    const rule = adam([2, 0, 1]);
    const [m0, v0] = [rule.m[0], rule.v[0]];
    const theta = [new Float64Array([1, 2]), new Float64Array(0), new Float64Array([3])];
    const g = [new Float64Array([1, -1]), new Float64Array(0), new Float64Array([0])];
    rule.step(theta, g);
    rule.step(theta, g);
    expect(rule.m[0]).toBe(m0);
    expect(rule.v[0]).toBe(v0);
    expect(Array.from(theta[2])).toEqual([3]);
    expect(rule.t).toBe(2);
  });

  it('adam: a new learningRate set between updates scales the next step (a schedule)', () => {
    const a = adam([1], { learningRate: 0.1 });
    const b = adam([1], { learningRate: 0.1 });
    const [ta, tb] = [new Float64Array([0]), new Float64Array([0])];
    const g = [new Float64Array([2])];
    a.step([ta], g);
    b.step([tb], g);
    b.learningRate = 0.05;
    const before = [ta[0], tb[0]];
    a.step([ta], g);
    b.step([tb], g);
    // relative 1e-15: the two steps differ only by the factor η
    expect(rel(tb[0] - before[1], (ta[0] - before[0]) / 2)).toBeLessThanOrEqual(1e-14);
  });

  it('ADAM_DEFAULTS are β1 = 0.9, β2 = 0.999, ε = 1e-8 (Kingma & Ba 2015) and η = 0.05', () => {
    expect(ADAM_DEFAULTS).toEqual({ learningRate: 0.05, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 });
    expect(adam([1])).toMatchObject(ADAM_DEFAULTS);
  });

  it.each([
    // a zero, negative, NaN or infinite step size
    [[1], { learningRate: 0 }, 'options.learningRate must be a finite number > 0, got 0'],
    [[1], { learningRate: -0.1 }, 'options.learningRate must be a finite number > 0, got -0.1'],
    [[1], { learningRate: NaN }, 'options.learningRate must be a finite number > 0, got NaN'],
    [[1], { learningRate: Infinity }, 'options.learningRate must be a finite number > 0, got Infinity'],
    // β1 = 1 would never forget; β2 < 0 is no decay
    [[1], { beta1: 1 }, 'options.beta1 must be in [0, 1), got 1'],
    [[1], { beta2: -0.1 }, 'options.beta2 must be in [0, 1), got -0.1'],
    [[1], { beta2: NaN }, 'options.beta2 must be in [0, 1), got NaN'],
    // ε = 0 divides 0 by 0 when g = 0 at t = 1
    [[1], { epsilon: 0 }, 'options.epsilon must be a finite number > 0, got 0'],
    [[1], { epsilon: Infinity }, 'options.epsilon must be a finite number > 0, got Infinity'],
    // block sizes are integers ≥ 0
    [[2, -1], {}, 'sizes[1] must be an integer ≥ 0, got -1'],
    [[1.5], {}, 'sizes[0] must be an integer ≥ 0, got 1.5'],
  ])('adam(%j, %j) throws a RangeError: %s', (sizes, options, message) => {
    expect(() => adam(sizes, options)).toThrow(new RangeError(message));
  });

  it('adam(…, prefix) names the hyper-parameter with the prefix', () => {
    expect(() => adam([1], { beta1: 2 }, 'optimizer.')).toThrow(new RangeError('optimizer.beta1 must be in [0, 1), got 2'));
  });

  it.each([
    // one block missing
    [[new Float64Array(2)], [new Float64Array(2), new Float64Array(1)], 'theta must be a list of 2 Float64Array blocks, got an array of length 1'],
    // a gradient block of the wrong length
    [[new Float64Array(2), new Float64Array(1)], [new Float64Array(2), new Float64Array(3)], 'g[1] must be a Float64Array of length 1, got length 3'],
    // a plain array is not a Float64Array
    [[[0, 0] as unknown as Float64Array, new Float64Array(1)], [new Float64Array(2), new Float64Array(1)], 'theta[0] must be a Float64Array of length 2, got an array of length 2'],
  ])('adam([2, 1]).step with mismatched blocks throws a RangeError (case %#)', (theta, g, message) => {
    const rule = adam([2, 1]);
    expect(() => rule.step(theta, g)).toThrow(new RangeError(message));
    expect(rule.t).toBe(0);
  });
});
