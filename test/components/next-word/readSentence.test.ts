import { describe, expect, it } from 'vitest';
import { MAX_WORDS, readSentence } from '@components/next-word/readSentence.ts';

describe('readSentence', () => {
  it('reads "I like French." as three lower-case words', () => {
    expect(readSentence('I like French.')).toEqual({ words: ['i', 'like', 'french'], refusal: '' });
  });

  it.each([
    // nothing but spaces
    ['   ', 'The sentence is empty: type at least one word.'],
    // punctuation only
    ['?!', 'The sentence has no words, only punctuation: type at least one word (letters or digits).'],
    // one word too many
    [Array(MAX_WORDS + 1).fill('a').join(' '), `The sentence has ${MAX_WORDS + 1} words; this cell reads up to ${MAX_WORDS}.`],
  ])('readSentence(%j) refuses it: %s', (text, refusal) => {
    expect(readSentence(text).refusal).toBe(refusal);
  });

  it(`reads exactly MAX_WORDS = ${MAX_WORDS} words`, () => {
    expect(readSentence(Array(MAX_WORDS).fill('a').join(' ')).refusal).toBe('');
  });
});
