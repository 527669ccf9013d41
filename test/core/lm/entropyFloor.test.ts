import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { conditionalEntropyFloor } from '~/core/lm/entropyFloor';
import { corpusSentences } from '~/core/lm/split';
import { relErr } from './fixtures';

const corpus = readFileSync(new URL('../../../data/corpus.txt', import.meta.url), 'utf8');
const sentences = (...lines: string[]) => lines.map((line) => ({ words: line.split(' ') }));

/**
 * The same quantity by another route: group the positions by their prefix string, and sum each group's
 * entropy Σ_w −(c_w / c) log(c_w / c) weighted by its count c, over the total count N.
 */
function groupedEntropy(lines: readonly string[]): number {
  const groups = new Map<string, Map<string, number>>();
  let N = 0;
  for (const line of lines) {
    const words = [...line.split(' '), '</s>'];
    words.forEach((w, k) => {
      const prefix = ['<s>', ...words.slice(0, k)].join(' ');
      const counts = groups.get(prefix) ?? new Map<string, number>();
      counts.set(w, (counts.get(w) ?? 0) + 1);
      groups.set(prefix, counts);
      N += 1;
    });
  }
  let sum = 0;
  for (const counts of groups.values()) {
    const c = [...counts.values()].reduce((a, b) => a + b, 0);
    let h = 0;
    for (const cw of counts.values()) h -= (cw / c) * Math.log(cw / c);
    sum += c * h;
  }
  return sum / N;
}

describe('conditionalEntropyFloor', () => {
  it.each([
    // one sentence: every next word is certain
    [['a b c'], 0],
    // after <s> a: b or c equally often (log 2 at 2 of the 6 positions); every other position is certain
    [['a b', 'a c'], (2 * Math.log(2)) / 6],
    // after <s> a: b twice, c once: 2 × log(3/2) + log 3 over 9 positions
    [['a b', 'a b', 'a c'], (2 * Math.log(3 / 2) + Math.log(3)) / 9],
    // after <s>: a twice (log 3/2 each), b once (log 3); after <s> a: </s> or c (log 2 each); the other two </s> are certain; 7 positions
    [['a', 'a c', 'b'], (Math.log(3 / 2) * 2 + Math.log(3) + 2 * Math.log(2)) / 7],
  ])('conditionalEntropyFloor(%j) is the hand-worked %f nats per word', (lines, expected) => {
    expect(relErr(conditionalEntropyFloor(sentences(...lines)), expected, 1e-300)).toBeLessThanOrEqual(1e-15);
  });

  it('conditionalEntropyFloor with exclude drops those targets from the mean but keeps them in the counts', () => {
    // a b, a b, a c with c excluded: p̂(b | <s> a) stays 2/3; 8 positions remain
    const floor = conditionalEntropyFloor(sentences('a b', 'a b', 'a c'), { exclude: (w) => w === 'c' });
    expect(relErr(floor, (2 * Math.log(3 / 2)) / 8)).toBeLessThanOrEqual(1e-15);
    // excluding nothing is the same as no option
    expect(conditionalEntropyFloor(sentences('a b', 'a c'), { exclude: () => false })).toBe(conditionalEntropyFloor(sentences('a b', 'a c')));
    expect(() => conditionalEntropyFloor(sentences('a'), { exclude: () => true })).toThrow(/exclude leaves no target/);
  });

  it('conditionalEntropyFloor of data/corpus.txt matches the entropy grouped by prefix string (about 1.035 nats per word)', () => {
    const lines = corpus.split('\n').filter((line) => line.trim() !== '');
    const floor = conditionalEntropyFloor(corpusSentences(corpus));
    const grouped = groupedEntropy(lines);
    expect(relErr(floor, grouped)).toBeLessThanOrEqual(1e-12);
    expect(grouped).toBeGreaterThan(1.03);
    expect(grouped).toBeLessThan(1.04);
  });

  it('conditionalEntropyFloor equals the grouped entropy for random corpora, and is unchanged by repeating every sentence (relative 1e-12)', () => {
    const sentence = fc.array(fc.constantFrom('a', 'b', 'c'), { minLength: 1, maxLength: 4 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(fc.array(sentence, { minLength: 1, maxLength: 12 }), (lines) => {
        const floor = conditionalEntropyFloor(sentences(...lines));
        expect(floor).toBeGreaterThanOrEqual(0);
        expect(relErr(floor, groupedEntropy(lines), 1e-12)).toBeLessThanOrEqual(1e-12);
        expect(relErr(conditionalEntropyFloor(sentences(...lines, ...lines)), floor, 1e-12)).toBeLessThanOrEqual(1e-12);
      }),
      { seed: 3, numRuns: 200 },
    );
  });

  it('conditionalEntropyFloor refuses no sentence and an empty sentence', () => {
    expect(() => conditionalEntropyFloor([])).toThrow(/sentences is empty/);
    expect(() => conditionalEntropyFloor([{ words: ['a'] }, { words: [] }])).toThrow(/sentences\[1\] has no word/);
  });
});
