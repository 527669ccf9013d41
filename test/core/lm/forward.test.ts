import { describe, expect, it } from 'vitest';
import { hiddenStates, lmForward, nextDistribution } from '~/core/lm/forward';
import { zeroParams } from '~/core/lm/params';
import { relErr, workedCase } from './fixtures';

describe('lmForward', () => {
  it('lmForward(workedCase, [0, 1, 2]) gives the hand-worked states, outputs and loss', () => {
    const p = workedCase();
    const fwd = lmForward(p, [0, 1, 2]);
    // Expected values from explicit scalar formulas, written out unit by unit.
    const s1 = [Math.tanh(1 + 0), Math.tanh(0 + 0.1)];
    const a2 = [0.5 * s1[0] - 0.25 * s1[1] + 0 + 0, 0.25 * s1[0] + 0.5 * s1[1] + 1 + 0.1];
    const s2 = [Math.tanh(a2[0]), Math.tanh(a2[1])];
    const softmax3 = (z: number[]) => {
      const e = z.map(Math.exp);
      const sum = e[0] + e[1] + e[2];
      return e.map((v) => v / sum);
    };
    const y1 = softmax3([s1[0], s1[1], -s1[0] - s1[1] + 0.2]);
    const y2 = softmax3([s2[0], s2[1], -s2[0] - s2[1] + 0.2]);
    const E = -Math.log(y1[1]) - Math.log(y2[2]);
    const cases: [string, ArrayLike<number>, number[]][] = [
      ['s_0', fwd.s[0], [0, 0]],
      ['s_1', fwd.s[1], s1],
      ['s_2', fwd.s[2], s2],
      ['y_1', fwd.y[1], y1],
      ['y_2', fwd.y[2], y2],
    ];
    for (const [, got, want] of cases) {
      expect(got.length).toBe(want.length);
      want.forEach((w, i) => expect(relErr(got[i], w)).toBeLessThanOrEqual(1e-14));
    }
    expect(fwd.n).toBe(2);
    expect(fwd.y[0].length).toBe(0);
    expect(relErr(fwd.loss, E)).toBeLessThanOrEqual(1e-14);
    // The numbers in the comment above (computed separately, 9 significant digits).
    expect(relErr(fwd.s[2][1], 0.871728088)).toBeLessThanOrEqual(1e-8);
    expect(relErr(fwd.y[2][2], 0.0872378137)).toBeLessThanOrEqual(1e-8);
    expect(relErr(fwd.loss, 3.66458384)).toBeLessThanOrEqual(1e-8);
  });

  it('hiddenStates(p, inputs) equals the forward pass states and nextDistribution its last output', () => {
    const p = workedCase();
    const s = hiddenStates(p, [0, 1]);
    const fwd = lmForward(p, [0, 1, 2]);
    expect(s.length).toBe(3);
    for (let k = 0; k <= 2; k++) expect(Array.from(s[k])).toEqual(Array.from(fwd.s[k]));
    expect(Array.from(nextDistribution(p, [0, 1]))).toEqual(Array.from(fwd.y[2]));
  });

  it('identity activation with H = 1 gives the scalar chapter state s_k = s_{k-1} w_rec + x_k w_x', () => {
    // Token v stands for the input value x = X[v]; column v of W_x holds x w_x.
    const wRec = 0.9;
    const wX = 0.5;
    const X = [0, 1, -2, 3];
    const p = zeroParams(1, 4, 'identity');
    p.wRec[0] = wRec;
    X.forEach((x, v) => (p.wX[v] = x * wX));
    const inputs = [1, 3, 2, 2, 0, 1];
    const s = hiddenStates(p, inputs);
    let expected = 0;
    inputs.forEach((v, i) => {
      expected = expected * wRec + X[v] * wX;
      expect(relErr(s[i + 1][0], expected)).toBeLessThanOrEqual(1e-15);
    });
  });

  it.each([
    // an empty sentence
    [[], /tokens is empty \(an empty sentence\)/],
    // one token: nothing to predict
    [[0], /tokens must hold at least 2 word indices, got 1/],
    // index past the vocabulary
    [[0, 3], /tokens\[1\] must be a word index from 0 to 2, got 3/],
    // negative index
    [[-1, 0], /tokens\[0\] must be a word index from 0 to 2, got -1/],
    // not an integer
    [[0, 1.5], /tokens\[1\] must be a word index from 0 to 2, got 1.5/],
  ])('lmForward(p, %j) throws a RangeError naming the problem', (tokens, message) => {
    expect(() => lmForward(workedCase(), tokens as number[])).toThrow(RangeError);
    expect(() => lmForward(workedCase(), tokens as number[])).toThrow(message);
  });

  it('hiddenStates(p, []) throws a RangeError for the empty input', () => {
    expect(() => hiddenStates(workedCase(), [])).toThrow(/inputs is empty/);
  });
});
