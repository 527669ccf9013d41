import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lmEvaluation } from '@components/demos/nextWordAtBuild.ts';

const weightsText = readFileSync('public/data/lm-weights.json', 'utf8');
const meta = JSON.parse(weightsText).meta as Record<string, number> & { split: { heldOutLines: number[]; seed: number } };
const lines = readFileSync('data/corpus.txt', 'utf8').split('\n').filter((line) => line.trim() !== '');

/** Words seen exactly once in the lines, counted on space-split words (the corpus is lower-case words and single spaces). */
function onceOnly(part: readonly string[]): number {
  const counts = new Map<string, number>();
  for (const line of part) for (const w of line.split(' ')) counts.set(w, (counts.get(w) ?? 0) + 1);
  return [...counts.values()].filter((c) => c === 1).length;
}

describe('lmEvaluation', () => {
  const evaluation = lmEvaluation();

  it('lmEvaluation() agrees with what scripts/train-lm.ts recorded in the weights file (relative 1e-10)', () => {
    for (const name of ['trainLoss', 'heldOutLoss', 'trainFloor', 'heldOutFloor', 'corpusFloor'] as const) {
      expect(Math.abs(evaluation[name] - meta[name]) / meta[name], name).toBeLessThanOrEqual(1e-10);
    }
    expect(evaluation).toMatchObject({
      heldOutScored: meta.heldOutScored,
      heldOutExcluded: meta.heldOutExcluded,
      heldOutTokens: meta.heldOutTokens,
      parameters: meta.parameters,
      splitSeed: meta.split.seed,
    });
  });

  it('lmEvaluation() counts the split, the excluded share, the words seen once and the file size from the files themselves', () => {
    const heldOut = new Set(meta.split.heldOutLines);
    const numbered = readFileSync('data/corpus.txt', 'utf8').split('\n').map((text, i) => ({ text, line: i + 1 })).filter((l) => l.text.trim() !== '');
    const training = numbered.filter((l) => !heldOut.has(l.line)).map((l) => l.text);
    expect(evaluation.heldOutSentences).toBe(heldOut.size);
    expect(evaluation.trainingSentences + evaluation.heldOutSentences).toBe(lines.length);
    expect(evaluation.heldOutScored + evaluation.heldOutExcluded).toBe(evaluation.heldOutTokens);
    expect(evaluation.heldOutExcludedShare).toBe(evaluation.heldOutExcluded / evaluation.heldOutTokens);
    expect(evaluation.corpusSingletons).toBe(onceOnly(lines));
    expect(evaluation.trainingSingletons).toBe(onceOnly(training));
    expect(evaluation.weightsBytes).toBe(statSync('public/data/lm-weights.json').size);
    const { H, V } = evaluation;
    expect(evaluation.parameters).toBe(H * H + H * V + H + V * H + V);
  });
});

describe('corpusFollowers', () => {
  it('counts the followers of a prefix in the training part only, the lines the weights file does not hold out', async () => {
    const { corpusFollowers } = await import('@components/demos/nextWordAtBuild.ts');
    const allLines = readFileSync('data/corpus.txt', 'utf8').split('\n');
    const heldOut = new Set(meta.split.heldOutLines);
    const training = allLines.flatMap((line, i) => (line.trim() !== '' && !heldOut.has(i + 1) ? [line] : []));
    const expected = new Map<string, number>();
    for (const line of training) {
      const words = line.split(' ');
      if (words[0] === 'i' && words[1] === 'like' && words[2] === 'french') expected.set(words[3] ?? '</s>', (expected.get(words[3] ?? '</s>') ?? 0) + 1);
    }
    const followers = corpusFollowers(['i', 'like', 'french']);
    expect(new Map(followers.map((f) => [f.word, f.count]))).toEqual(expected);
    expect(followers.map((f) => f.count)).toEqual([...followers.map((f) => f.count)].sort((a, b) => b - a));
  });
});

describe('what the chapter says the model has not generalised', () => {
  it('"we love french" is never followed by toast in the training part, while "french toast" is, and the model gives toast little there', async () => {
    const { corpusFollowers, shippedProbabilities } = await import('@components/demos/nextWordAtBuild.ts');
    expect(corpusFollowers(['we', 'love', 'french']).some((f) => f.word === 'toast')).toBe(false);
    const heldOut = new Set(meta.split.heldOutLines);
    const training = readFileSync('data/corpus.txt', 'utf8').split('\n').filter((line, i) => line.trim() !== '' && !heldOut.has(i + 1));
    expect(training.filter((line) => line.includes('french toast')).length).toBeGreaterThan(0);
    const [toast] = shippedProbabilities(['we', 'love', 'french'], ['toast']);
    expect(toast).toBeLessThan(0.05);
  });
});
