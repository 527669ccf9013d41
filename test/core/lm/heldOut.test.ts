import { describe, expect, it } from 'vitest';
import { buildDictionary, encodeCorpus } from '~/core/lm/dictionary';
import { lmForward } from '~/core/lm/forward';
import { encodeHeldOut, evaluateHeldOut } from '~/core/lm/heldOut';
import { initParams } from '~/core/lm/params';
import { meanLoss } from '~/core/lm/train';
import { relErr } from './fixtures';

const TRAINING = 'i like french fries\nwe like french wine\ni like tea';
const dict = buildDictionary(TRAINING);
const params = initParams(5, dict.words.length, { seed: 4 });
const sentence = (line: string) => ({ words: line.split(' ') });

describe('evaluateHeldOut', () => {
  it('evaluateHeldOut on sentences the dictionary knows is meanLoss: nothing excluded (relative 1e-12)', () => {
    const evaluation = evaluateHeldOut(params, dict, TRAINING.split('\n').map(sentence));
    expect(relErr(evaluation.meanLoss, meanLoss(params, encodeCorpus(dict, TRAINING)))).toBeLessThanOrEqual(1e-12);
    // 4 + 4 + 3 words and three </s>
    expect(evaluation).toMatchObject({ scoredWords: 14, excludedTargets: 0, unknownInputs: 0, totalTokens: 14 });
  });

  it('evaluateHeldOut reads an unknown word as <unk> and leaves it out as a target, counting it', () => {
    // "zebra" is not in the dictionary: tokens <s> i like zebra fries </s>, targets i, like, zebra, fries, </s>
    const evaluation = evaluateHeldOut(params, dict, [sentence('i like zebra fries')]);
    expect(evaluation).toMatchObject({ scoredWords: 4, excludedTargets: 1, unknownInputs: 1, totalTokens: 5 });
    const tokens = [dict.start, dict.index.get('i')!, dict.index.get('like')!, dict.unknown, dict.index.get('fries')!, dict.end];
    const { y } = lmForward(params, tokens);
    const terms = [1, 2, 3, 4, 5].map((k) => -Math.log(y[k]![tokens[k]!]!));
    // step 3's target (zebra) is left out; step 4 reads <unk> as its input
    const expected = (terms[0]! + terms[1]! + terms[3]! + terms[4]!) / 4;
    expect(relErr(evaluation.meanLoss, expected)).toBeLessThanOrEqual(1e-12);
    // scoring the <unk> target would have given another number
    expect(relErr(evaluation.meanLoss, terms.reduce((a, b) => a + b, 0) / 5)).toBeGreaterThan(1e-3);
  });

  it('encodeHeldOut marks exactly the unknown words as unscored targets', () => {
    const data = encodeHeldOut(dict, [sentence('zebra likes tea'), sentence('we like french fries')]);
    expect(data.sequences[0]).toEqual([dict.start, dict.unknown, dict.unknown, dict.index.get('tea'), dict.end]);
    expect(Array.from(data.scored[0]!)).toEqual([0, 0, 0, 1, 1]);
    expect(Array.from(data.scored[1]!)).toEqual([0, 1, 1, 1, 1, 1]);
    expect(data).toMatchObject({ scoredWords: 7, excludedTargets: 2, unknownInputs: 2, totalTokens: 9 });
  });

  it('evaluateHeldOut refuses no sentence, an empty sentence and a dictionary of another size', () => {
    expect(() => evaluateHeldOut(params, dict, [])).toThrow(/sentences is empty/);
    expect(() => evaluateHeldOut(params, dict, [sentence('i'), { words: [] }])).toThrow(/sentences\[1\] has no word/);
    expect(() => evaluateHeldOut(params, buildDictionary('a b'), [sentence('a')])).toThrow(/dict has 5 words but the model's vocabulary has V = /);
  });
});
