/**
 * Next-word prediction and sampling from a trained model: the distribution after a prefix, its top k,
 * and sampling at a temperature T, where word v is drawn with probability ∝ y_v^{1/T} = softmax(log y / T)_v.
 */
import type { Dictionary } from './dictionary.ts';
import { encodeKnown } from './dictionary.ts';
import { logitsInto, nextDistribution, stepState } from './forward.ts';
import type { Params } from './params.ts';
import { checkTemperature, softmaxInto } from './softmax.ts';

/** One entry of a top-k list. */
export interface Ranked {
  readonly index: number;
  readonly word: string;
  readonly probability: number;
}

/** Options of `sampleContinuation`. */
export interface ContinuationOptions {
  /** Stop after this many words if `</s>` has not come (default 20). */
  maxWords?: number;
  /** Temperature T > 0 (default 1): below 1 sharpens, above 1 flattens the distribution. */
  temperature?: number;
  /** Uniform [0, 1) source, e.g. `randomLcg(seed)` from d3-random. */
  rng: () => number;
}

/** What `sampleContinuation` returns. */
export interface Continuation {
  /** The sampled words (without the prefix and without `</s>`). */
  readonly words: string[];
  /** Their indices. */
  readonly indices: number[];
  /** Why it stopped: the model produced `</s>`, or maxWords was reached. */
  readonly stoppedBy: 'end' | 'maxWords';
}

/** Throws a RangeError unless the dictionary has exactly V words. */
export function checkDictionary(params: Params, dict: Dictionary): void {
  if (dict.words.length !== params.V) {
    throw new RangeError(`dict has ${dict.words.length} words but the model's vocabulary has V = ${params.V}`);
  }
}

/** The model's input for a prefix: `<s>` then the words' indices (a RangeError names an unknown word and its position). */
export function prefixInputs(dict: Dictionary, words: readonly string[]): number[] {
  if (!Array.isArray(words) || words.length === 0) {
    throw new RangeError('words is empty (an empty sentence): give at least one word of the prefix');
  }
  return [dict.start, ...encodeKnown(dict, words)];
}

/** Probabilities of each of the V words coming next after the prefix `words` (read after `<s>`), at temperature T. */
export function predictNext(params: Params, dict: Dictionary, words: readonly string[], temperature = 1): Float64Array {
  checkDictionary(params, dict);
  checkTemperature(temperature);
  return nextDistribution(params, prefixInputs(dict, words), temperature);
}

/** The k most probable words, most probable first (ties by index); `word` is from `dict`, or the index as text without one. */
export function topK(probs: ArrayLike<number>, k: number, dict?: Dictionary): Ranked[] {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be an integer ≥ 1, got ${String(k)}`);
  const order = Array.from({ length: probs.length }, (_, i) => i);
  order.sort((a, b) => probs[b] - probs[a] || a - b);
  return order.slice(0, k).map((index) => ({
    index,
    word: dict ? dict.words[index] : String(index),
    probability: probs[index],
  }));
}

/** Draws an index with probability ∝ probs_v^{1/T} (T > 0), using one number from `rng`. */
export function sampleNext(probs: ArrayLike<number>, temperature: number, rng: () => number): number {
  checkTemperature(temperature);
  if (probs.length === 0) throw new RangeError('probs must hold at least one probability, got an empty array');
  return draw(probs, temperature, rng, new Float64Array(probs.length), new Float64Array(probs.length));
}

/** sampleNext with caller-owned scratch arrays (length V) for the logits and the tempered probabilities. */
function draw(probs: ArrayLike<number>, temperature: number, rng: () => number, logits: Float64Array, q: Float64Array): number {
  let any = false;
  for (let v = 0; v < probs.length; v++) {
    const p = probs[v];
    if (!(p >= 0) || !Number.isFinite(p)) throw new RangeError(`probs[${v}] must be a finite number ≥ 0, got ${String(p)}`);
    logits[v] = Math.log(p);
    if (p > 0) any = true;
  }
  if (!any) throw new RangeError('probs must have at least one entry > 0, got all zeros');
  // q_v = softmax(log p / T)_v ∝ p_v^{1/T}, with the max subtracted so a small T cannot overflow
  softmaxInto(logits, q, temperature);
  const u = rng();
  let cumulative = 0;
  let last = 0;
  for (let v = 0; v < q.length; v++) {
    if (q[v] === 0) continue;
    cumulative += q[v];
    last = v;
    if (u < cumulative) return v;
  }
  return last;
}

/**
 * Continues a prefix by sampling one word at a time at temperature T until `</s>` or maxWords.
 * `<s>` and `<unk>` are never drawn (their probabilities are set to 0 before sampling).
 */
export function sampleContinuation(
  params: Params,
  dict: Dictionary,
  prefixWords: readonly string[],
  options: ContinuationOptions,
): Continuation {
  const { maxWords = 20, temperature = 1, rng } = options;
  checkDictionary(params, dict);
  checkTemperature(temperature);
  if (!Number.isInteger(maxWords) || maxWords < 1) throw new RangeError(`maxWords must be an integer ≥ 1, got ${String(maxWords)}`);
  if (typeof rng !== 'function') throw new RangeError(`rng must be a function returning numbers in [0, 1), got ${typeof rng}`);
  const inputs = prefixInputs(dict, prefixWords);
  let s = new Float64Array(params.H);
  let next = new Float64Array(params.H);
  // s_k = f(W_rec s_{k-1} + W_x x_k + b) over the prefix   (lm-state)
  for (const x of inputs) {
    stepState(params, s, x, next);
    const previous = s;
    s = next;
    next = previous;
  }
  const z = new Float64Array(params.V);
  const y = new Float64Array(params.V);
  const logits = new Float64Array(params.V);
  const q = new Float64Array(params.V);
  const words: string[] = [];
  const indices: number[] = [];
  for (let i = 0; i < maxWords; i++) {
    // y = softmax(W_y s + b_y), then draw ∝ y^{1/T}
    logitsInto(params, s, z);
    softmaxInto(z, y);
    y[dict.start] = 0;
    y[dict.unknown] = 0;
    const v = draw(y, temperature, rng, logits, q);
    if (v === dict.end) return { words, indices, stoppedBy: 'end' };
    words.push(dict.words[v]);
    indices.push(v);
    stepState(params, s, v, next);
    const previous = s;
    s = next;
    next = previous;
  }
  return { words, indices, stoppedBy: 'maxWords' };
}
