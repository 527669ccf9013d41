/**
 * The conditional entropy of the next word given the whole sentence so far, measured on a set of sentences:
 * the lowest mean loss per word any model that reads the full prefix can reach on exactly those sentences.
 *
 *   H = −(1/N) Σ_{sentences} Σ_{k=1..n} log p̂(w_k | w_0 … w_{k−1}),   p̂ = count(prefix, w_k) / count(prefix)
 *
 * with w_0 = `<s>`, w_n = `</s>` and counts taken over the same sentences. A model scored on these sentences
 * cannot beat it on average, since p̂ is the distribution that minimises the mean cross-entropy over them.
 */
import { END } from './dictionary.ts';

/** Options of `conditionalEntropyFloor`. */
export interface EntropyFloorOptions {
  /**
   * Targets to leave out of the mean (e.g. `(w) => !dict.index.has(w)`, the words `evaluateHeldOut` does not score).
   * Counts still include every position, so p̂ stays the sentences' own distribution; only the sum and N skip
   * the excluded targets, which puts the floor over the same positions as the held-out loss.
   */
  exclude?: (word: string) => boolean;
}

interface PrefixNode {
  /** How many times this prefix is followed by some word. */
  total: number;
  /** The prefix extended by one word, with how many times that word followed. */
  readonly next: Map<string, { count: number; node: PrefixNode }>;
}

const newNode = (): PrefixNode => ({ total: 0, next: new Map() });

/** The mean of −log p̂(w_k | w_0 … w_{k−1}) over the (non-excluded) targets of the sentences, in nats per word. */
export function conditionalEntropyFloor(
  sentences: readonly { readonly words: readonly string[] }[],
  options: EntropyFloorOptions = {},
): number {
  if (!Array.isArray(sentences) || sentences.length === 0) throw new RangeError('sentences is empty: give at least one sentence');
  const { exclude } = options;
  // A prefix tree from <s>: each path is a sentence prefix, each edge counts the word that followed it.
  const root = newNode();
  sentences.forEach(({ words }, i) => {
    if (words.length === 0) throw new RangeError(`sentences[${i}] has no word`);
    let node = root;
    for (const w of [...words, END]) {
      node.total += 1;
      let edge = node.next.get(w);
      if (edge === undefined) node.next.set(w, (edge = { count: 0, node: newNode() }));
      edge.count += 1;
      node = edge.node;
    }
  });
  let sum = 0;
  let N = 0;
  for (const { words } of sentences) {
    let node = root;
    // −log p̂(w_k | prefix) = log count(prefix) − log count(prefix, w_k)
    for (const w of [...words, END]) {
      const edge = node.next.get(w)!;
      if (!exclude?.(w)) {
        sum += Math.log(node.total) - Math.log(edge.count);
        N += 1;
      }
      node = edge.node;
    }
  }
  if (N === 0) throw new RangeError('exclude leaves no target to average over');
  return sum / N;
}
