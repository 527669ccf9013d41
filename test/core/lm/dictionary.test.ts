import { describe, expect, it } from 'vitest';
import { buildDictionary, encode, encodeCorpus, encodeKnown, encodeSentence } from '~/core/lm/dictionary';
import { tokenize } from '~/core/lm/tokenize';

describe('tokenize', () => {
  it.each([
    // lower-cased, trailing full stop dropped
    ['I like French fries.', ['i', 'like', 'french', 'fries']],
    // commas, several spaces and tabs separate words
    ['We like  wine,\tcheese', ['we', 'like', 'wine', 'cheese']],
    // an inner apostrophe stays, quotes around a word do not
    ["She doesn't like 'cheese'", ['she', "doesn't", 'like', 'cheese']],
    // letters outside ASCII are letters
    ['Café crème', ['café', 'crème']],
    // only punctuation: no word
    ['?! …', []],
    // empty string
    ['', []],
  ])('tokenize(%j) gives %j', (sentence, words) => {
    expect(tokenize(sentence)).toEqual(words);
  });
});

describe('buildDictionary', () => {
  const corpus = 'i like french fries\nwe like french wine\n\ni like tea\n';

  it('buildDictionary puts <s>, </s>, <unk> first, then words by frequency, ties alphabetically', () => {
    const dict = buildDictionary(corpus);
    // like ×3; french, i ×2; fries, tea, we, wine ×1
    expect(dict.words).toEqual(['<s>', '</s>', '<unk>', 'like', 'french', 'i', 'fries', 'tea', 'we', 'wine']);
    expect([dict.start, dict.end, dict.unknown]).toEqual([0, 1, 2]);
    dict.words.forEach((w, i) => expect(dict.index.get(w)).toBe(i));
  });

  it('encode(dict, words) maps unknown words to <unk> and lists them with their positions, without throwing', () => {
    const dict = buildDictionary(corpus);
    expect(encode(dict, ['i', 'like', 'frnech', 'toast'])).toEqual({
      indices: [5, 3, 2, 2],
      unknown: [
        { position: 2, word: 'frnech' },
        { position: 3, word: 'toast' },
      ],
    });
  });

  it('encodeKnown(dict, words) throws a RangeError naming the unknown word and its position', () => {
    const dict = buildDictionary(corpus);
    expect(() => encodeKnown(dict, ['i', 'like', 'frnech'])).toThrow(RangeError);
    expect(() => encodeKnown(dict, ['i', 'like', 'frnech'])).toThrow('words[2] "frnech" is not in the dictionary');
    expect(() => encodeKnown(dict, ['<unk>'])).toThrow(/words\[0\] is the unknown-word token/);
  });

  it('encodeSentence wraps the words in <s> … </s> and encodeCorpus skips blank lines', () => {
    const dict = buildDictionary(corpus);
    expect(encodeSentence(dict, 'I like tea!').indices).toEqual([0, 5, 3, 7, 1]);
    expect(encodeCorpus(dict, corpus)).toEqual([
      [0, 5, 3, 4, 6, 1],
      [0, 8, 3, 4, 9, 1],
      [0, 5, 3, 7, 1],
    ]);
  });
});
