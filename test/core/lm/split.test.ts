import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corpusSentences, sentencesText, splitCorpus } from '~/core/lm/split';
import { buildDictionary } from '~/core/lm/dictionary';

const corpus = readFileSync(new URL('../../../data/corpus.txt', import.meta.url), 'utf8');
const lineNumbers = (part: readonly { line: number }[]) => part.map((s) => s.line);

describe('splitCorpus', () => {
  it('splitCorpus(corpus, { seed }) holds out round(0.1 × 350) = 35 of the 350 sentences, disjoint and covering every line', () => {
    const { training, heldOut } = splitCorpus(corpus, { seed: 5 });
    const lines = corpus.split('\n');
    const nonBlank = lines.flatMap((text, i) => (text.trim() === '' ? [] : [i + 1]));
    expect(nonBlank).toHaveLength(350);
    expect(heldOut).toHaveLength(35);
    expect(training).toHaveLength(315);
    const all = [...lineNumbers(training), ...lineNumbers(heldOut)];
    expect(new Set(all).size).toBe(350);
    expect([...all].sort((a, b) => a - b)).toEqual(nonBlank);
    // each part keeps corpus order, and each sentence's words are its line's
    for (const part of [training, heldOut]) {
      expect(lineNumbers(part)).toEqual([...lineNumbers(part)].sort((a, b) => a - b));
      for (const { line, words } of part) expect(words.join(' ')).toBe(lines[line - 1]);
    }
  });

  it('splitCorpus gives the same split for the same seed and another for another seed', () => {
    expect(splitCorpus(corpus, { seed: 20150101 })).toEqual(splitCorpus(corpus, { seed: 20150101 }));
    expect(lineNumbers(splitCorpus(corpus, { seed: 1 }).heldOut)).not.toEqual(lineNumbers(splitCorpus(corpus, { seed: 2 }).heldOut));
  });

  it('splitCorpus skips blank lines and numbers sentences by their line in the text, from 1', () => {
    const text = 'a b\n\n  \nc d\ne\nf g\n';
    expect(corpusSentences(text)).toEqual([
      { line: 1, words: ['a', 'b'] },
      { line: 4, words: ['c', 'd'] },
      { line: 5, words: ['e'] },
      { line: 6, words: ['f', 'g'] },
    ]);
    // 4 sentences, fraction 0.25: one held out
    const { training, heldOut } = splitCorpus(text, { seed: 3, heldOutFraction: 0.25 });
    expect(heldOut).toHaveLength(1);
    expect([...lineNumbers(training), ...lineNumbers(heldOut)].sort()).toEqual([1, 4, 5, 6]);
  });

  it('sentencesText gives back lines that buildDictionary reads as the same words', () => {
    const { training } = splitCorpus(corpus, { seed: 9 });
    const text = sentencesText(training);
    expect(corpusSentences(text).map((s) => s.words)).toEqual(training.map((s) => s.words));
    expect(buildDictionary(text).words.length).toBeLessThanOrEqual(buildDictionary(corpus).words.length);
  });

  it('splitCorpus holds out round(f × N) sentences, disjoint and covering, for any N and fraction that leave both parts non-empty', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 60 }), fc.double({ min: 0.01, max: 0.99, noNaN: true }), fc.integer(), (N, f, seed) => {
        const count = Math.round(f * N);
        fc.pre(count >= 1 && count <= N - 1);
        const text = Array.from({ length: N }, (_, i) => `w${i}`).join('\n');
        const { training, heldOut } = splitCorpus(text, { seed, heldOutFraction: f });
        expect(heldOut).toHaveLength(count);
        expect([...lineNumbers(training), ...lineNumbers(heldOut)].sort((a, b) => a - b)).toEqual(Array.from({ length: N }, (_, i) => i + 1));
      }),
      { seed: 11, numRuns: 200 },
    );
  });

  it.each([
    // nothing held out
    ['a\nb\nc', { seed: 1, heldOutFraction: 0 }, /heldOutFraction must be a number between 0 and 1 \(exclusive\), got 0/],
    // everything held out
    ['a\nb\nc', { seed: 1, heldOutFraction: 1 }, /heldOutFraction must be a number between 0 and 1 \(exclusive\), got 1/],
    // a fraction that rounds to no sentence
    ['a\nb\nc', { seed: 1, heldOutFraction: 0.1 }, /heldOutFraction 0.1 of 3 sentences holds out 0: both parts need at least one sentence/],
    // a seed that is not a number
    ['a\nb\nc', { seed: Number.NaN }, /seed must be a finite number, got NaN/],
  ])('splitCorpus(%j, %j) throws a RangeError naming the argument', (text, options, message) => {
    expect(() => splitCorpus(text, options)).toThrow(message);
  });
});
