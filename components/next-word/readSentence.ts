import { tokenize } from '~/core/lm/tokenize.ts';
import { SENTENCE_MAX_WORDS } from '~/notebook/params/nextWord.ts';

/** The longest sentence, in words, a sentence cell reads: the page's shared sentence's limit. */
export const MAX_WORDS = SENTENCE_MAX_WORDS;

/**
 * A typed sentence read into words, and why a cell refuses it ('' when it does not): it is empty, has only
 * punctuation, or has more than MAX_WORDS words.
 */
export function readSentence(text: string): { words: string[]; refusal: string } {
  const words = tokenize(text);
  if (words.length === 0) {
    const refusal =
      text.trim() === ''
        ? 'The sentence is empty: type at least one word.'
        : 'The sentence has no words, only punctuation: type at least one word (letters or digits).';
    return { words, refusal };
  }
  if (words.length > MAX_WORDS) return { words, refusal: `The sentence has ${words.length} words; this cell reads up to ${MAX_WORDS}.` };
  return { words, refusal: '' };
}
