import { tokenize } from './tokenize.ts';

/** The start-of-sentence token: the input x_1 of every sentence. */
export const START = '<s>';
/** The end-of-sentence token: the target after a sentence's last word. */
export const END = '</s>';
/** The unknown-word token: what `encode` maps a word outside the dictionary to. */
export const UNKNOWN = '<unk>';

/** A vocabulary: word ↔ index, with the three special tokens at indices 0, 1, 2. */
export interface Dictionary {
  /** words[i] is the word with index i; words.length is V. */
  readonly words: readonly string[];
  /** index.get(word) is the word's index. */
  readonly index: ReadonlyMap<string, number>;
  /** Index of `<s>` (0). */
  readonly start: number;
  /** Index of `</s>` (1). */
  readonly end: number;
  /** Index of `<unk>` (2). */
  readonly unknown: number;
}

/** What `encode` returns: one index per word, and where the unknown words were. */
export interface Encoded {
  /** indices[i] is the index of words[i], or the `<unk>` index if it is not in the dictionary. */
  readonly indices: number[];
  /** The unknown words with their positions in the input, in order. */
  readonly unknown: { position: number; word: string }[];
}

/** Builds a dictionary from a word list: the special tokens first, then the words in the given order. */
export function dictionaryFromWords(words: readonly string[]): Dictionary {
  const all = [START, END, UNKNOWN];
  const index = new Map<string, number>(all.map((w, i) => [w, i]));
  words.forEach((word, i) => {
    if (typeof word !== 'string' || word.length === 0) {
      throw new RangeError(`words[${i}] must be a non-empty string, got ${JSON.stringify(word)}`);
    }
    if (index.has(word)) {
      throw new RangeError(`words[${i}] "${word}" appears twice in the dictionary`);
    }
    index.set(word, all.length);
    all.push(word);
  });
  return { words: all, index, start: 0, end: 1, unknown: 2 };
}

/**
 * Builds the dictionary of a corpus (one sentence per line): the special tokens `<s>`, `</s>`, `<unk>`,
 * then every word of the corpus, most frequent first (ties in alphabetical order).
 */
export function buildDictionary(corpusText: string): Dictionary {
  const counts = new Map<string, number>();
  for (const line of corpusText.split('\n')) {
    for (const word of tokenize(line)) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  const words = [...counts.keys()].filter((w) => w !== START && w !== END && w !== UNKNOWN);
  words.sort((a, b) => counts.get(b)! - counts.get(a)! || (a < b ? -1 : a > b ? 1 : 0));
  return dictionaryFromWords(words);
}

/** Maps words to indices; a word outside the dictionary becomes `<unk>` and is listed in `unknown` (never throws for it). */
export function encode(dict: Dictionary, words: readonly string[]): Encoded {
  const indices: number[] = [];
  const unknown: { position: number; word: string }[] = [];
  words.forEach((word, position) => {
    const i = dict.index.get(word);
    if (i === undefined) {
      indices.push(dict.unknown);
      unknown.push({ position, word });
    } else {
      indices.push(i);
    }
  });
  return { indices, unknown };
}

/** Maps words to indices, throwing a RangeError that names the first unknown word and its position. */
export function encodeKnown(dict: Dictionary, words: readonly string[], name = 'words'): number[] {
  const { indices, unknown } = encode(dict, words);
  if (unknown.length > 0) {
    const { position, word } = unknown[0]!;
    throw new RangeError(`${name}[${position}] "${word}" is not in the dictionary`);
  }
  indices.forEach((i, position) => {
    if (i === dict.unknown) {
      throw new RangeError(`${name}[${position}] is the unknown-word token ${UNKNOWN}, which the model cannot read`);
    }
  });
  return indices;
}

/** A sentence as model tokens: `<s>`, its words' indices, `</s>` (so n = words + 1 predictions). */
export function encodeSentence(dict: Dictionary, sentence: string): Encoded {
  const { indices, unknown } = encode(dict, tokenize(sentence));
  return { indices: [dict.start, ...indices, dict.end], unknown };
}

/** Every non-blank line of a corpus as model tokens (`<s>` … `</s>`); throws on a word outside the dictionary. */
export function encodeCorpus(dict: Dictionary, corpusText: string): number[][] {
  const sequences: number[][] = [];
  corpusText.split('\n').forEach((line, lineIndex) => {
    const words = tokenize(line);
    if (words.length === 0) return;
    const indices = encodeKnown(dict, words, `line ${lineIndex + 1}: words`);
    sequences.push([dict.start, ...indices, dict.end]);
  });
  return sequences;
}
