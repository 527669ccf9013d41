/**
 * Build-time (server-only) numbers for the next-word chapter: the prediction and hidden states for the
 * default sentence, computed by the core from public/data/lm-weights.json so the page reads correctly
 * without JavaScript. Imported by the chapter's MDX only, never by an island, so the weights stay out of
 * the browser's JavaScript (the islands fetch the JSON at run time).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  deserializeParams,
  encode,
  hiddenStates,
  predictNext,
  tokenize,
  topK,
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
    finalLoss: Number(meta.finalLoss),
    hyperParameters: (meta.hyperParameters ?? {}) as Record<string, unknown>,
  };
}

/** How often each word follows `prefix` at the start of a corpus sentence (the end of a sentence counts as `</s>`), most frequent first. */
export function corpusFollowers(prefix: readonly string[]): { word: string; count: number }[] {
  const text = readFileSync(resolve(process.cwd(), 'data/corpus.txt'), 'utf8');
  const counts = new Map<string, number>();
  for (const line of text.split('\n')) {
    const words = tokenize(line);
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
