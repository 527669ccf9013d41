/**
 * A seeded split of a corpus (one sentence per line) into a training part and a held-out part, so the model
 * can be scored on sentences it never trained on. The dictionary is built from the training part only.
 */
import { randomLcg } from 'd3-random';
import { tokenize } from './tokenize.ts';

/** One sentence of a corpus: its words and its line number in the corpus text (from 1). */
export interface CorpusSentence {
  readonly line: number;
  readonly words: readonly string[];
}

/** The two parts of a split corpus, each in corpus order. */
export interface CorpusSplit {
  readonly training: readonly CorpusSentence[];
  readonly heldOut: readonly CorpusSentence[];
}

/** Options of `splitCorpus`. */
export interface SplitOptions {
  /** Seed of the shuffle that picks the held-out sentences (`randomLcg(seed)`). */
  seed: number;
  /** Share of the sentences held out, in (0, 1): round(fraction × sentences) of them (default 0.1). */
  heldOutFraction?: number;
}

/** The non-blank lines of a corpus as sentences (words and line numbers), in order. */
export function corpusSentences(corpusText: string): CorpusSentence[] {
  if (typeof corpusText !== 'string') throw new RangeError(`corpusText must be a string, got ${typeof corpusText}`);
  const sentences: CorpusSentence[] = [];
  corpusText.split('\n').forEach((text, i) => {
    const words = tokenize(text);
    if (words.length > 0) sentences.push({ line: i + 1, words });
  });
  return sentences;
}

/**
 * Splits the corpus's non-blank sentences into training and held-out parts: a Fisher–Yates shuffle of the
 * sentences by `randomLcg(seed)` (the generator `trainLM` uses), whose first round(fraction × N) are held out.
 * Each part keeps corpus order. Deterministic for a seed; both parts are never empty.
 */
export function splitCorpus(corpusText: string, options: SplitOptions): CorpusSplit {
  const { seed, heldOutFraction = 0.1 } = options;
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${String(seed)}`);
  if (!(heldOutFraction > 0 && heldOutFraction < 1)) {
    throw new RangeError(`heldOutFraction must be a number between 0 and 1 (exclusive), got ${String(heldOutFraction)}`);
  }
  const sentences = corpusSentences(corpusText);
  const N = sentences.length;
  const count = Math.round(heldOutFraction * N);
  if (count < 1 || count > N - 1) {
    throw new RangeError(
      `heldOutFraction ${String(heldOutFraction)} of ${N} sentence${N === 1 ? '' : 's'} holds out ${count}: both parts need at least one sentence`,
    );
  }
  const order = sentences.map((_, i) => i);
  const rng = randomLcg(seed);
  // Fisher–Yates with the seeded source
  for (let i = N - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const held = new Set(order.slice(0, count));
  return {
    training: sentences.filter((_, i) => !held.has(i)),
    heldOut: sentences.filter((_, i) => held.has(i)),
  };
}

/** The sentences as a corpus text, one per line (words separated by spaces): what `buildDictionary` reads. */
export function sentencesText(sentences: readonly CorpusSentence[]): string {
  return sentences.map((s) => s.words.join(' ')).join('\n');
}
