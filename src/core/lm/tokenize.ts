/** Splits a sentence into lower-case words: runs of letters and digits, with inner apostrophes kept ("don't"). */
export function tokenize(sentence: string): string[] {
  if (typeof sentence !== 'string') {
    throw new RangeError(`sentence must be a string, got ${typeof sentence}`);
  }
  // Everything that is not a letter, a digit or an apostrophe between two of them separates words,
  // so "I like French fries." and "i like french fries" give the same four words.
  return sentence.toLowerCase().match(/[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu) ?? [];
}
