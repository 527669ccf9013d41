/**
 * Build-time (server-only) numbers for the next-word chapter: the prediction and hidden states for the
 * default sentence, computed by the core from public/data/lm-weights.json so the page reads correctly
 * without JavaScript. Imported by the chapter's MDX only, never by an island, so the weights stay out of
 * the browser's JavaScript (the islands fetch the JSON at run time).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  conditionalEntropyFloor,
  corpusSentences,
  deserializeParams,
  encode,
  encodeCorpus,
  evaluateHeldOut,
  hiddenStates,
  meanLoss,
  predictNext,
  sentencesText,
  splitCorpus,
  tokenize,
  topK,
  WEIGHT_NAMES,
} from '~/core/lm/index.ts';
import { DEFAULT_SENTENCE, TOP_K, type NextWordInitial } from './nextWordModel.ts';

/** Reads the shipped weights from public/data and computes the default prediction and states. */
export function nextWordInitial(): NextWordInitial {
  const path = resolve(process.cwd(), 'public/data/lm-weights.json');
  const { params, dict, meta } = deserializeParams(JSON.parse(readFileSync(path, 'utf8')));
  const words = tokenize(DEFAULT_SENTENCE);
  const { indices } = encode(dict, words);
  const top = topK(predictNext(params, dict, words), TOP_K, dict);
  const states = hiddenStates(params, [dict.start, ...indices]).map((s) => Array.from(s));
  return {
    sentence: DEFAULT_SENTENCE,
    words,
    top: top.map((r) => ({ ...r })),
    states,
    V: params.V,
    H: params.H,
    sentences: Number(meta.sentences),
    heldOutSentences: Number((meta.split as Record<string, unknown>).heldOutSentences),
    finalLoss: Number(meta.finalLoss),
    heldOutLoss: Number(meta.heldOutLoss),
    split: { seed: Number((meta.split as Record<string, unknown>).seed), heldOutFraction: Number((meta.split as Record<string, unknown>).heldOutFraction) },
    hyperParameters: (meta.hyperParameters ?? {}) as Record<string, unknown>,
  };
}

/**
 * How often each word follows `prefix` at the start of a sentence of the training part, the sentences the shipped
 * model learned from (the end of a sentence counts as `</s>`), most frequent first.
 */
export function corpusFollowers(prefix: readonly string[]): { word: string; count: number }[] {
  const text = readFileSync(resolve(process.cwd(), 'data/corpus.txt'), 'utf8');
  const { meta } = deserializeParams(JSON.parse(readFileSync(resolve(process.cwd(), 'public/data/lm-weights.json'), 'utf8')));
  const { seed, heldOutFraction } = meta.split as { seed: number; heldOutFraction: number };
  const counts = new Map<string, number>();
  for (const { words } of splitCorpus(text, { seed, heldOutFraction }).training) {
    if (words.length === 0 || prefix.some((w, i) => words[i] !== w)) continue;
    const next = words[prefix.length] ?? '</s>';
    counts.set(next, (counts.get(next) ?? 0) + 1);
  }
  return [...counts].map(([word, count]) => ({ word, count })).sort((a, b) => b.count - a.count || (a.word < b.word ? -1 : 1));
}

/** The shipped model's probability (T = 1) of each word in `candidates` coming next after `prefix`. */
export function shippedProbabilities(prefix: readonly string[], candidates: readonly string[]): number[] {
  const path = resolve(process.cwd(), 'public/data/lm-weights.json');
  const { params, dict } = deserializeParams(JSON.parse(readFileSync(path, 'utf8')));
  const probs = predictNext(params, dict, prefix);
  return candidates.map((word) => probs[dict.index.get(word) ?? dict.unknown]!);
}

/** The shipped model scored on its training part and on the held-out sentences, with the entropy floors of each. */
export interface LmEvaluation {
  /** Mean loss per predicted word on the training part (nats). */
  trainLoss: number;
  /** Mean loss per scored word on the held-out part (nats); targets the dictionary lacks are left out. */
  heldOutLoss: number;
  /** Conditional entropy of the next word given the whole prefix, on the training part (nats per word). */
  trainFloor: number;
  /** The same on the held-out part, over the positions the held-out loss scores. */
  heldOutFloor: number;
  /** The same on the whole corpus. */
  corpusFloor: number;
  trainingSentences: number;
  heldOutSentences: number;
  /** Seed of the split (splitCorpus). */
  splitSeed: number;
  /** Held-out targets scored, left out (not in the dictionary), all of them, and the share left out (0–1). */
  heldOutScored: number;
  heldOutExcluded: number;
  heldOutTokens: number;
  heldOutExcludedShare: number;
  /** Words that occur exactly once in the whole corpus, and those that occur once in the training part. */
  corpusSingletons: number;
  trainingSingletons: number;
  /** Number of trained numbers: H² + HV + H (state) and VH + V (output). */
  parameters: number;
  /** Size of public/data/lm-weights.json in bytes. */
  weightsBytes: number;
  /** Dictionary size V (special tokens included) and hidden size H. */
  V: number;
  H: number;
}

/** How many words occur exactly once in the sentences. */
function singletons(sentences: readonly { words: readonly string[] }[]): number {
  const counts = new Map<string, number>();
  for (const { words } of sentences) for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
  return [...counts.values()].filter((c) => c === 1).length;
}

/**
 * The shipped model's honest scores, computed by the core from the weights file and data/corpus.txt at build time:
 * the split rebuilt from the seed the file records, the dictionary from its training part, the losses of the shipped
 * weights on both parts and the conditional-entropy floors.
 */
export function lmEvaluation(): LmEvaluation {
  const path = resolve(process.cwd(), 'public/data/lm-weights.json');
  const text = readFileSync(path, 'utf8');
  const { params, dict, meta } = deserializeParams(JSON.parse(text));
  const corpus = readFileSync(resolve(process.cwd(), 'data/corpus.txt'), 'utf8');
  const { seed, heldOutFraction } = meta.split as { seed: number; heldOutFraction: number };
  const split = splitCorpus(corpus, { seed, heldOutFraction });
  const heldOut = evaluateHeldOut(params, dict, split.heldOut);
  const unknown = (w: string) => !dict.index.has(w);
  return {
    trainLoss: meanLoss(params, encodeCorpus(dict, sentencesText(split.training))),
    heldOutLoss: heldOut.meanLoss,
    trainFloor: conditionalEntropyFloor(split.training),
    heldOutFloor: conditionalEntropyFloor(split.heldOut, { exclude: unknown }),
    corpusFloor: conditionalEntropyFloor(corpusSentences(corpus)),
    trainingSentences: split.training.length,
    heldOutSentences: split.heldOut.length,
    splitSeed: seed,
    heldOutScored: heldOut.scoredWords,
    heldOutExcluded: heldOut.excludedTargets,
    heldOutTokens: heldOut.totalTokens,
    heldOutExcludedShare: heldOut.excludedTargets / heldOut.totalTokens,
    corpusSingletons: singletons(corpusSentences(corpus)),
    trainingSingletons: singletons(split.training),
    parameters: WEIGHT_NAMES.reduce((n, name) => n + params[name].length, 0),
    weightsBytes: Buffer.byteLength(text, 'utf8'),
    V: params.V,
    H: params.H,
  };
}
