import { randomLcg } from 'd3-random';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildDictionary } from '~/core/lm/dictionary';
import type { Dictionary } from '~/core/lm/dictionary';
import { zeroParams } from '~/core/lm/params';
import type { Params } from '~/core/lm/params';
import { predictNext, sampleContinuation, sampleNext, topK } from '~/core/lm/sample';
import { relErr } from './fixtures';

/**
 * A model that copies a successor table: H = V = 5 (words <s>, </s>, <unk>, a, b), W_rec = 0,
 * W_x = 10 I so s_k = tanh(10) e_{x_k}, and W_y[v][j] = 10 when `successor[j]` = v, so the logit of the
 * successor of x_k is 10 tanh(10) ≈ 10 and every other logit is 0.
 */
function successorModel(successor: Record<string, string>): { params: Params; dict: Dictionary } {
  const dict = buildDictionary('a b');
  const V = dict.words.length;
  const params = zeroParams(V, V, 'tanh');
  for (let j = 0; j < V; j++) params.wX[j * V + j] = 10;
  for (const [from, to] of Object.entries(successor)) {
    params.wY[dict.index.get(to)! * V + dict.index.get(from)!] = 10;
  }
  return { params, dict };
}

describe('predictNext', () => {
  it('predictNext with only an output bias gives softmax(b_y) for any prefix', () => {
    const dict = buildDictionary('a b');
    const params = zeroParams(3, 5, 'tanh');
    params.wX.fill(0.3);
    params.bY.set([0, 1, 2, 0.5, -1]);
    const sum = [0, 1, 2, 0.5, -1].reduce((acc, z) => acc + Math.exp(z), 0);
    const y = predictNext(params, dict, ['a', 'b', 'a']);
    [0, 1, 2, 0.5, -1].forEach((z, v) => expect(relErr(y[v], Math.exp(z) / sum)).toBeLessThanOrEqual(1e-15));
  });

  it('predictNext follows the successor table', () => {
    const { params, dict } = successorModel({ '<s>': 'a', a: 'b', b: '</s>' });
    expect(topK(predictNext(params, dict, ['a']), 1, dict)[0].word).toBe('b');
    expect(topK(predictNext(params, dict, ['a', 'b']), 1, dict)[0].word).toBe('</s>');
  });

  it.each([
    // a misspelt word: named with its position
    [['a', 'frnech'], 1, 'words[1] "frnech" is not in the dictionary'],
    // an empty sentence
    [[], 1, 'words is empty (an empty sentence)'],
    // a zero temperature
    [['a'], 0, 'temperature must be a finite number > 0, got 0'],
    // a negative temperature
    [['a'], -0.5, 'temperature must be a finite number > 0, got -0.5'],
  ])('predictNext(params, dict, %j, T = %d) throws a RangeError', (words, temperature, message) => {
    const { params, dict } = successorModel({});
    expect(() => predictNext(params, dict, words, temperature)).toThrow(RangeError);
    expect(() => predictNext(params, dict, words, temperature)).toThrow(message);
  });

  it('predictNext refuses a dictionary whose size is not V', () => {
    const { params } = successorModel({});
    expect(() => predictNext(params, buildDictionary('a b c'), ['a'])).toThrow(
      'dict has 6 words but the model\'s vocabulary has V = 5',
    );
  });
});

describe('topK', () => {
  it('topK(probs, k, dict) lists the k most probable words, ties by index, k clamped to V', () => {
    const dict = buildDictionary('a b');
    const probs = [0.1, 0.3, 0.1, 0.45, 0.05];
    expect(topK(probs, 3, dict)).toEqual([
      { index: 3, word: 'a', probability: 0.45 },
      { index: 1, word: '</s>', probability: 0.3 },
      { index: 0, word: '<s>', probability: 0.1 },
    ]);
    expect(topK(probs, 99).map((r) => r.word)).toEqual(['3', '1', '0', '2', '4']);
    expect(() => topK(probs, 0)).toThrow('k must be an integer ≥ 1, got 0');
  });
});

describe('sampleNext', () => {
  it.each([
    // u below 0.2 falls in the first bin
    [0.1, 0],
    // 0.2 ≤ u < 0.5: second bin
    [0.45, 1],
    // 0.5 ≤ u < 1: third bin
    [0.99, 2],
  ])('sampleNext([0.2, 0.3, 0.5], 1, () => %d) draws index %i', (u, index) => {
    expect(sampleNext([0.2, 0.3, 0.5], 1, () => u)).toBe(index);
  });

  it('sampleNext at T = 0.5 draws ∝ p² (20 000 draws with a seeded source, each frequency within 0.01)', () => {
    const probs = [0.2, 0.3, 0.5];
    const rng = randomLcg(3);
    const counts = [0, 0, 0];
    for (let i = 0; i < 20_000; i++) counts[sampleNext(probs, 0.5, rng)] += 1;
    const expected = [0.04, 0.09, 0.25].map((q) => q / 0.38);
    counts.forEach((c, i) => expect(Math.abs(c / 20_000 - expected[i])).toBeLessThanOrEqual(0.01));
  });

  it('sampleNext at T = 1e-12 always picks the most probable index, without overflow', () => {
    const rng = randomLcg(5);
    for (let i = 0; i < 100; i++) expect(sampleNext([0.3, 0.35, 0.35 - 1e-9], 1e-12, rng)).toBe(1);
  });

  it('sampleNext is deterministic for a given rng seed and only draws words of positive probability (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 20 }).filter((p) => p.some((x) => x > 0)),
        fc.double({ min: 0.01, max: 10, noNaN: true }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (probs, temperature, seed) => {
          const draw = () => {
            const rng = randomLcg(seed);
            return Array.from({ length: 10 }, () => sampleNext(probs, temperature, rng));
          };
          const first = draw();
          return first.join() === draw().join() && first.every((i) => probs[i] > 0);
        },
      ),
      { seed: 11, numRuns: 200 },
    );
  });

  it.each([
    // zero temperature
    [[0.5, 0.5], 0, /temperature must be a finite number > 0, got 0/],
    // negative temperature
    [[0.5, 0.5], -1, /temperature must be a finite number > 0, got -1/],
    // no probability
    [[], 1, /probs must hold at least one probability/],
    // a negative probability
    [[0.5, -0.1], 1, /probs\[1\] must be a finite number ≥ 0, got -0.1/],
    // nothing to draw
    [[0, 0], 1, /probs must have at least one entry > 0/],
  ])('sampleNext(%j, %d, rng) throws a RangeError', (probs, temperature, message) => {
    expect(() => sampleNext(probs, temperature, randomLcg(1))).toThrow(message);
  });
});

describe('sampleContinuation', () => {
  it('sampleContinuation stops at </s>', () => {
    const { params, dict } = successorModel({ '<s>': 'a', a: 'b', b: '</s>' });
    expect(sampleContinuation(params, dict, ['a'], { rng: randomLcg(1) })).toEqual({
      words: ['b'],
      indices: [4],
      stoppedBy: 'end',
    });
  });

  it('sampleContinuation stops after maxWords when </s> never comes', () => {
    const { params, dict } = successorModel({ a: 'b', b: 'a' });
    const out = sampleContinuation(params, dict, ['a'], { rng: randomLcg(1), maxWords: 5, temperature: 0.5 });
    expect(out).toEqual({ words: ['b', 'a', 'b', 'a', 'b'], indices: [4, 3, 4, 3, 4], stoppedBy: 'maxWords' });
  });

  it('sampleContinuation never draws <unk> or <s>, even when the model prefers them', () => {
    const { params, dict } = successorModel({ a: '<unk>', b: '<s>' });
    const out = sampleContinuation(params, dict, ['a'], { rng: randomLcg(2), maxWords: 50 });
    expect(out.indices.every((i) => i !== dict.unknown && i !== dict.start)).toBe(true);
  });

  it.each([
    // zero temperature
    [{ temperature: 0 }, /temperature must be a finite number > 0, got 0/],
    // no words allowed
    [{ maxWords: 0 }, /maxWords must be an integer ≥ 1, got 0/],
  ])('sampleContinuation(…, %j) throws a RangeError', (options, message) => {
    const { params, dict } = successorModel({});
    expect(() => sampleContinuation(params, dict, ['a'], { rng: randomLcg(1), ...options })).toThrow(message);
  });
});
