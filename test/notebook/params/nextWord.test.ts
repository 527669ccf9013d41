import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SENTENCE } from '@components/demos/nextWordModel.ts';
import { tokenize } from '~/core/lm/tokenize.ts';
import { fieldOf } from '~/notebook/fields.ts';
import { normalise } from '~/notebook/normalise.ts';
import { PARAMS } from '~/notebook/params.ts';
import { lmStep, sentence, SENTENCE_MAX_WORDS } from '~/notebook/params/nextWord.ts';
import { decodeQuery, encodeQuery } from '~/notebook/url-codec.ts';
import { buildPageNotebook } from '~/site/page-notebook.ts';

describe('sentence, the next-word chapter\'s shared sentence', () => {
  it('is registered under its URL key and starts at the chapter\'s sentence, case-folded', () => {
    expect(PARAMS.sentence).toBe(sentence);
    expect(PARAMS.lmStep).toBe(lmStep);
    expect(sentence.key).toBe('sentence');
    expect(sentence.initial).toEqual(['i', 'like', 'french']);
    expect(sentence.initial).toEqual(tokenize(DEFAULT_SENTENCE));
  });

  it.each([
    // the plain form the page writes
    ['i like french', ['i', 'like', 'french']],
    // case-folded, as tokenize folds it
    ['I Like FRENCH', ['i', 'like', 'french']],
    // inner apostrophes belong to the word
    ["don't stop", ["don't", 'stop']],
    // runs of spaces and spaces around the sentence separate nothing more
    ['  i   like  ', ['i', 'like']],
    // one word is a sentence
    ['wine', ['wine']],
  ])('reads %j as %j', (raw, words) => {
    expect(sentence.field.parse(raw)).toEqual(words);
  });

  it.each([
    // empty
    ['', /empty/],
    ['   ', /empty/],
    // a digit
    ['i like 2', /letters a to z.*"2".*word 3/],
    // punctuation
    ['i like french.', /letters a to z.*"\."/],
    // a letter outside a to z
    ['café', /letters a to z.*"é"/],
    // markup is text like any other, and refused
    ['<b>i</b>', /letters a to z.*"<"/],
    // an apostrophe not between two letters
    ["'tis", /apostrophe/],
    ["dogs'", /apostrophe/],
    ["a''b", /apostrophe/],
    // too many words
    [Array(SENTENCE_MAX_WORDS + 1).fill('a').join(' '), new RegExp(`${SENTENCE_MAX_WORDS + 1} words: at most ${SENTENCE_MAX_WORDS}`)],
  ])('refuses %j with a RangeError saying why', (raw, message) => {
    expect(() => sentence.field.parse(raw)).toThrow(RangeError);
    expect(() => sentence.field.parse(raw)).toThrow(message);
  });

  it('reads what it writes, and agrees with tokenize on every text it accepts (property, 500 runs)', () => {
    const word = fc.stringMatching(/^[a-zA-Z]{1,6}(?:'[a-zA-Z]{1,3})?$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: SENTENCE_MAX_WORDS }), fc.constantFrom(' ', '  '), (words, gap) => {
        const text = words.join(gap);
        const read = sentence.field.parse(text);
        expect(read).toEqual(tokenize(text));
        expect(sentence.field.parse(sentence.field.encode(read))).toEqual(read);
      }),
      { numRuns: 500 },
    );
  });
});

describe('lmStep, the next-word BPTT stepper\'s step', () => {
  const page = buildPageNotebook(['sentence', 'lmStep']);

  it('is a step 1 … n over the sentence, n = words + 1 (the end marker is predicted too)', () => {
    expect(page.fields.lmStep).toEqual(['step', SENTENCE_MAX_WORDS + 1, 'sentence']);
    expect(fieldOf(page.fields.lmStep!).parse('4')).toBe(4);
    expect(() => fieldOf(page.fields.lmStep!).parse(String(SENTENCE_MAX_WORDS + 2))).toThrow(RangeError);
    expect(lmStep.initial).toBeNull();
  });

  it.each([
    // within 1..n (n = 3 words + 1 = 4): kept, n itself included
    [['i', 'like', 'french'], 4, 4],
    [['i', 'like', 'french'], 1, 1],
    // past n: the last step n
    [['i', 'like'], 4, 3],
    [['wine'], 9, 2],
    // null already means n
    [['i', 'like'], null, null],
  ])('sentence %j, step %j → %j', (words, step, expected) => {
    expect(normalise({ sentence: words, lmStep: step }, page)).toEqual({ sentence: words, lmStep: expected });
  });

  it('a link\'s step past the link\'s sentence is refused with a notice naming n', () => {
    const { state, notices } = decodeQuery('?sentence=i+like&lmStep=4', page, page.defaults);
    expect(state).toEqual({ sentence: ['i', 'like'], lmStep: null });
    expect(notices).toEqual(['The link\'s "lmStep" was ignored (it must be between 1 and n = 3); the default is used instead.']);
  });

  it('a link with a sentence opens on it; a mangled one keeps the default with a notice quoting it as text', () => {
    expect(decodeQuery('?sentence=we+like+wine&lmStep=2', page, page.defaults)).toEqual({ state: { sentence: ['we', 'like', 'wine'], lmStep: 2 }, notices: [] });
    const { state, notices } = decodeQuery('?sentence=%3Cimg+src%3Dx%3E', page, page.defaults);
    expect(state.sentence).toEqual(['i', 'like', 'french']);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/^The link's "sentence" was ignored \(.*"<".*\); the default is used instead\.$/);
  });

  it('the page writes a sentence other than the default into its link, words joined by +', () => {
    expect(encodeQuery({ sentence: ['we', 'like', 'wine'], lmStep: 2 }, page, page.defaults)).toBe('?sentence=we+like+wine&lmStep=2');
    expect(encodeQuery(page.defaults, page, page.defaults)).toBe('');
  });
});
