import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as backward from '~/core/lm/backward';
import { encodeSentence } from '~/core/lm/dictionary';
import { lmGradientCheck, LM_CHECK_FLOOR } from '~/core/lm/gradientCheck';
import { cloneParams, initParams, WEIGHT_NAMES } from '~/core/lm/params';
import type { Activation } from '~/core/lm/params';
import { deserializeParams } from '~/core/lm/serialize';

/** The check passes when BPTT and central differences agree to a relative error of 10⁻⁶ (floor 10⁻⁴). */
const TOLERANCE = 1e-6;

const weightsPath = fileURLToPath(new URL('../../../public/data/lm-weights.json', import.meta.url));
const { params, dict } = deserializeParams(JSON.parse(readFileSync(weightsPath, 'utf8')));

/** A sentence of the shipped dictionary as tokens `<s>` … `</s>`; fails the test if a word is missing. */
function tokensOf(sentence: string): number[] {
  const { indices, unknown } = encodeSentence(dict, sentence);
  expect(unknown).toEqual([]);
  return indices;
}

describe('lmGradientCheck', () => {
  it.each([
    // the chapter's question, completed
    ['i like french fries'],
    // a corpus sentence of six words
    ['she likes french toast with butter'],
    // a long sentence, not in the corpus: 21 steps back through the recurrence
    ['my father and my mother often eat french toast with butter and honey on a cold sunday morning in the winter'],
  ])('lmGradientCheck(shipped weights, "%s") agrees with central differences (worst relative error ≤ 1e-6)', (sentence) => {
    const tokens = tokensOf(sentence);
    const check = lmGradientCheck(params, tokens, { seed: 3, perMatrix: 4 });
    expect(check.worst.relativeError).toBeLessThanOrEqual(TOLERANCE);
    // every array is sampled; the worst row is one of the rows and has the largest error
    expect(new Set(check.rows.map((r) => r.matrix))).toEqual(new Set(WEIGHT_NAMES));
    expect(check.rows).toContain(check.worst);
    for (const row of check.rows) expect(row.relativeError).toBeLessThanOrEqual(check.worst.relativeError);
  });

  it('lmGradientCheck samples W_x from the columns of the words read, plus one column the sentence does not read (both derivatives 0)', () => {
    const tokens = tokensOf('she likes french toast with butter');
    const read = new Set(tokens.slice(0, -1));
    const rows = lmGradientCheck(params, tokens, { seed: 5, perMatrix: 3 }).rows.filter((r) => r.matrix === 'wX');
    expect(rows).toHaveLength(4);
    expect(rows.filter((r) => read.has(r.j))).toHaveLength(3);
    const unread = rows.filter((r) => !read.has(r.j));
    expect(unread).toHaveLength(1);
    expect(unread[0]!.analytic).toBe(0);
    expect(unread[0]!.numeric).toBe(0);
    // (i, j) is the entry's row (unit) and column (word) of the H×V matrix
    for (const r of rows) expect(r.index).toBe(r.i * params.V + r.j);
  });

  it('lmGradientCheck reports E, leaves the weights untouched, and rows (i, j) locate the flat index', () => {
    const tokens = tokensOf('i like french fries');
    const before = cloneParams(params);
    const check = lmGradientCheck(params, tokens, { seed: 1 });
    for (const name of WEIGHT_NAMES) expect(params[name]).toEqual(before[name]);
    expect(check.loss).toBe(backward.lmGradients(params, tokens).loss);
    for (const r of check.rows) {
      const columns = r.matrix === 'wRec' || r.matrix === 'wY' ? params.H : r.matrix === 'wX' ? params.V : 1;
      expect(r.index).toBe(r.i * columns + r.j);
      expect(r.analytic).toBe(backward.lmGradients(params, tokens).grads[r.matrix][r.index]);
    }
  });

  it('lmGradientCheck draws the same sample for the same seed and a different one for another seed', () => {
    const tokens = tokensOf('i like french fries');
    const key = (seed: number) => lmGradientCheck(params, tokens, { seed }).rows.map((r) => `${r.matrix}${r.index}`).join(' ');
    expect(key(7)).toBe(key(7));
    expect(key(7)).not.toBe(key(8));
  });

  it('lmGradientCheck on random small models agrees with central differences (fast-check, worst ≤ 1e-6)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 4, max: 12 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.constantFrom<Activation>('tanh', 'identity'),
        fc.array(fc.nat(), { minLength: 2, maxLength: 10 }),
        (H, V, seed, activation, raw) => {
          const p = initParams(H, V, { seed, activation });
          const tokens = raw.map((t) => t % V);
          return lmGradientCheck(p, tokens, { seed, perMatrix: 4 }).worst.relativeError <= TOLERANCE;
        },
      ),
      { seed: 20260101, numRuns: 40 },
    );
  });

  it('lmGradientCheck compares gradients below the floor absolutely: relative error = |a − b| / 1e-4 when both are under 1e-4', () => {
    const tokens = tokensOf('i like french fries');
    const rows = lmGradientCheck(params, tokens, { seed: 4, perMatrix: 40 }).rows;
    const small = rows.filter((r) => Math.max(Math.abs(r.analytic), Math.abs(r.numeric)) < 1e-4 && r.analytic !== r.numeric);
    // the output rows of unlikely words have tiny gradients: the sample must hold some
    expect(small.length).toBeGreaterThan(0);
    for (const r of small) expect(r.relativeError).toBe(Math.abs(r.analytic - r.numeric) / 1e-4);
    expect(LM_CHECK_FLOOR).toBe(1e-4);
  });

  it.each([
    // not an object
    [null, /options must be an object/],
    // no seed
    [{}, /seed must be a finite number/],
    // perMatrix 0
    [{ seed: 1, perMatrix: 0 }, /perMatrix must be an integer/],
    // a step of 0
    [{ seed: 1, h: 0 }, /h must be greater than 0/],
  ])('lmGradientCheck(…, %j) throws a RangeError', (options, message) => {
    expect(() => lmGradientCheck(params, [0, 3, 1], options as never)).toThrow(message);
  });

  it('lmGradientCheck refuses a sentence of one token and an index outside the dictionary', () => {
    expect(() => lmGradientCheck(params, [0], { seed: 1 })).toThrow(RangeError);
    expect(() => lmGradientCheck(params, [0, params.V], { seed: 1 })).toThrow(/tokens\[1\]/);
  });
});
