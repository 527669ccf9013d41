import { describe, expect, it } from 'vitest';
import { formatComputed } from '~/site/computed.ts';
import { computedNumbers as numbersIn, parsePage, textOf } from '../support/html.ts';

const DIST = process.env.DIST_DIR ?? 'dist';

/** The numbers a built page of this build states, by name. */
const computedNumbers = (path: string) => numbersIn(`${DIST}/${path}`);

describe("chapter 5's worked example, computed by the core as the page is built", () => {
  const shown = computedNumbers('backpropagation-through-time/index.html');

  it('states the numbers worked by hand, each written out exactly', () => {
    // x = (1, 1, 0, 1), w_rec = 0.5, w_x = 1, every-step error; worked with pencil and paper:
    //   s = 1, 1.5, 0.75, 1.375 (s_k = 0.5 s_{k−1} + x_k);  t = 1, 2, 2, 3;  s_k − t_k = 0, −0.5, −1.25, −1.625
    //   δ_4 = −1.625, δ_3 = −1.25 + 0.5(−1.625) = −2.0625, δ_2 = −0.5 + 0.5(−2.0625) = −1.53125,
    //   δ_1 = 0 + 0.5(−1.53125) = −0.765625
    const hand: Record<string, number> = {
      s1: 1, s2: 1.5, s3: 0.75,
      local1: 0, local2: -0.5, local3: -1.25, local4: -1.625,
      carried4: 0, carried3: -0.8125, carried2: -1.03125, carried1: -0.765625,
      delta4: -1.625, delta3: -2.0625, delta2: -1.53125, delta1: -0.765625,
      // δ_k s_{k−1} and δ_k x_k
      gradWRec4: -1.21875, gradWRec3: -3.09375, gradWRec2: -1.53125, gradWRec1: 0,
      gradWX4: -1.625, gradWX3: 0, gradWX2: -1.53125, gradWX1: -0.765625,
    };
    for (const [name, value] of Object.entries(hand)) {
      const entries = shown.get(name);
      expect(entries, name).toBeDefined();
      for (const entry of entries!) {
        expect(entry.value, name).toBe(value);
        expect(entry.text, name).toBe(formatComputed(name, value, { exact: true }));
      }
    }
  });

  it("states how far short the source article's literal reading falls, as percentages of the true gradients", () => {
    // literal: Σ (s_k − t_k) s_{k−1} = −0.5 − 1.875 − 1.21875 = −3.59375; Σ (s_k − t_k) x_k = −0.5 − 1.625 = −2.125
    // true: ∂E/∂w_rec = Σ δ_k s_{k−1} = −5.84375, ∂E/∂w_x = Σ δ_k x_k = −3.921875
    const [wRec] = shown.get('literalShortWRec')!;
    const [wX] = shown.get('literalShortWX')!;
    expect(wRec.value).toBeCloseTo((5.84375 - 3.59375) / 5.84375, 15);
    expect(wX.value).toBeCloseTo((3.921875 - 2.125) / 3.921875, 15);
    expect([wRec.text, wX.text]).toEqual(['38.5 %', '45.8 %']);
  });

  it('states the forward pass, the error and the sums in its math, filled from the core', () => {
    const html = parsePage(`${DIST}/backpropagation-through-time/index.html`);
    const annotations = html.elements
      .filter((node) => node.tagName === 'annotation')
      .map((node) => textOf(node));
    for (const tex of [
      's_4 = 0.75 \\cdot 0.5 + 1 = 1.375',
      'E = \\tfrac12 ( 0^2 + (-0.5)^2 + (-1.25)^2 + (-1.625)^2 ) = 2.2265625',
      '\\partial E / \\partial \\wrec = -5.84375',
      '\\partial E / \\partial \\wx = -3.921875',
      '0 \\cdot 0 + (-0.5)(1) + (-1.25)(1.5) + (-1.625)(0.75) = -3.59375',
      '0 + (-0.5) + 0 + (-1.625) = -2.125',
    ]) {
      expect(annotations, tex).toContain(tex);
    }
  });
});
