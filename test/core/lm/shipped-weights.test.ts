import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { randomLcg } from 'd3-random';
import { describe, expect, it } from 'vitest';
import { buildDictionary, encodeCorpus } from '~/core/lm/dictionary';
import { conditionalEntropyFloor } from '~/core/lm/entropyFloor';
import { evaluateHeldOut } from '~/core/lm/heldOut';
import { WEIGHT_NAMES } from '~/core/lm/params';
import { predictNext, sampleContinuation, topK } from '~/core/lm/sample';
import { deserializeParams } from '~/core/lm/serialize';
import { corpusSentences, sentencesText, splitCorpus } from '~/core/lm/split';
import { meanLoss } from '~/core/lm/train';
import { relErr } from './fixtures';

const weightsPath = fileURLToPath(new URL('../../../public/data/lm-weights.json', import.meta.url));
const corpusPath = fileURLToPath(new URL('../../../data/corpus.txt', import.meta.url));
const corpus = readFileSync(corpusPath, 'utf8');
const { params, dict, meta } = deserializeParams(JSON.parse(readFileSync(weightsPath, 'utf8')));
const lines = corpus.split('\n').filter((line) => line.length > 0);
const splitOptions = meta.split as { seed: number; heldOutFraction: number; heldOutLines: number[] };
const split = splitCorpus(corpus, { seed: splitOptions.seed, heldOutFraction: splitOptions.heldOutFraction });
const trainingText = sentencesText(split.training);
/** The lines the model was trained on: the corpus without the held-out lines the file lists. */
const trainingLines = lines.filter((_, i) => !splitOptions.heldOutLines.includes(i + 1));

/** How often each word follows `prefix` (a list of words) in the training lines, counted on whitespace-split lines. */
function countsAfter(prefix: string[], anywhere: boolean): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of trainingLines) {
    const words = [...line.split(' '), '</s>'];
    const starts = anywhere ? words.map((_, i) => i) : [0];
    for (const i of starts) {
      if (prefix.every((w, j) => words[i + j] === w) && i + prefix.length < words.length) {
        const next = words[i + prefix.length];
        counts.set(next, (counts.get(next) ?? 0) + 1);
      }
    }
  }
  return counts;
}

/** Ranks 1 … n with ties given their average rank. */
function ranks(values: number[]): number[] {
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const r = new Array<number>(values.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && order[j + 1][0] === order[i][0]) j++;
    for (let k = i; k <= j; k++) r[order[k][1]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return r;
}

/** Spearman's ρ: the Pearson correlation of the ranks. */
function spearman(a: number[], b: number[]): number {
  const [ra, rb] = [ranks(a), ranks(b)];
  const mean = (x: number[]) => x.reduce((s, v) => s + v, 0) / x.length;
  const [ma, mb] = [mean(ra), mean(rb)];
  let num = 0;
  let da = 0;
  let db = 0;
  ra.forEach((_, i) => {
    num += (ra[i] - ma) * (rb[i] - mb);
    da += (ra[i] - ma) ** 2;
    db += (rb[i] - mb) ** 2;
  });
  return num / Math.sqrt(da * db);
}

describe('public/data/lm-weights.json', () => {
  it('the corpus is lower-case words separated by single spaces, so splitting on spaces tokenizes it', () => {
    lines.forEach((line) => expect(line).toMatch(/^[a-z]+( [a-z]+)*$/));
  });

  it('is smaller than 300 KB and holds the dictionary of the training part of data/corpus.txt only', () => {
    expect(statSync(weightsPath).size).toBeLessThan(300 * 1024);
    expect(dict.words).toEqual(buildDictionary(trainingLines.join('\n')).words);
    // some held-out word is not in it: the held-out part is scored on words the model never saw
    expect(split.heldOut.some((s) => s.words.some((w) => !dict.index.has(w)))).toBe(true);
  });

  it('its split rebuilds from the recorded seed: the held-out lines it lists, about 10 % of the sentences', () => {
    expect(split.heldOut.map((s) => s.line)).toEqual(splitOptions.heldOutLines);
    expect(meta.split).toMatchObject({ trainingSentences: split.training.length, heldOutSentences: split.heldOut.length });
    expect(split.heldOut.length).toBe(Math.round(0.1 * lines.length));
    expect(trainingText).toBe(trainingLines.join('\n'));
  });

  it('its recorded losses, floors and counts are what the core computes from the shipped weights and the corpus (relative 1e-10)', () => {
    const heldOut = evaluateHeldOut(params, dict, split.heldOut);
    const recomputed: Record<string, number> = {
      trainLoss: meanLoss(params, encodeCorpus(dict, trainingText)),
      finalLoss: meanLoss(params, encodeCorpus(dict, trainingText)),
      heldOutLoss: heldOut.meanLoss,
      trainFloor: conditionalEntropyFloor(split.training),
      heldOutFloor: conditionalEntropyFloor(split.heldOut, { exclude: (w) => !dict.index.has(w) }),
      corpusFloor: conditionalEntropyFloor(corpusSentences(corpus)),
    };
    for (const [name, value] of Object.entries(recomputed)) {
      expect(relErr(value, meta[name] as number), name).toBeLessThanOrEqual(1e-10);
    }
    expect(meta).toMatchObject({ heldOutScored: heldOut.scoredWords, heldOutExcluded: heldOut.excludedTargets, heldOutTokens: heldOut.totalTokens });
    expect(heldOut.scoredWords + heldOut.excludedTargets).toBe(heldOut.totalTokens);
    expect(meta.parameters).toBe(WEIGHT_NAMES.reduce((n, name) => n + params[name].length, 0));
  });

  it('predictNext("i like french") ranks every word seen after "french" above every word never seen after it', () => {
    const seen = countsAfter(['french'], true);
    const probs = predictNext(params, dict, ['i', 'like', 'french']);
    let lowestSeen = Infinity;
    let highestUnseen = -Infinity;
    dict.words.forEach((word, v) => {
      if (seen.has(word)) lowestSeen = Math.min(lowestSeen, probs[v]);
      else highestUnseen = Math.max(highestUnseen, probs[v]);
    });
    expect(seen.size).toBe(7);
    expect(lowestSeen).toBeGreaterThan(highestUnseen);
  });

  it.each([
    // counts after the prefix "i like french" at the start of a sentence
    ['after "i like french"', false, ['i', 'like', 'french']],
    // counts after "french" anywhere
    ['after "french"', true, ['french']],
  ])('predictNext("i like french") orders the continuations like the corpus counts %s (Spearman ρ ≥ 0.9)', (_, anywhere, prefix) => {
    const counts = countsAfter(prefix, anywhere);
    const probs = predictNext(params, dict, ['i', 'like', 'french']);
    const words = [...counts.keys()];
    const rho = spearman(
      words.map((w) => counts.get(w)!),
      words.map((w) => probs[dict.index.get(w)!]),
    );
    expect(rho).toBeGreaterThanOrEqual(0.9);
  });

  it('the top 7 after "i like french" are the 7 words seen after "french", fries first', () => {
    const top = topK(predictNext(params, dict, ['i', 'like', 'french']), 7, dict).map((r) => r.word);
    expect(top[0]).toBe('fries');
    expect([...top].sort()).toEqual([...countsAfter(['french'], true).keys()].sort());
  });

  it('sampleContinuation("i like french") is the same for the same seed, and "fries" at a low temperature', () => {
    const run = (seed: number) => sampleContinuation(params, dict, ['i', 'like', 'french'], { rng: randomLcg(seed), temperature: 0.8 });
    expect(run(7)).toEqual(run(7));
    const cold = sampleContinuation(params, dict, ['i', 'like', 'french'], { rng: randomLcg(1), temperature: 1e-3 });
    expect(cold.words[0]).toBe('fries');
  });
});
