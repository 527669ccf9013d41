// Benchmarks of the language-model core (not tests): node --experimental-strip-types bench/lm.ts
import { readFileSync } from 'node:fs';
import { buildDataset, initParams, lmBackward, lmForward, predictNext, trainLM, zeroWeights } from '../src/core/lm/index.ts';
import { median } from './median.ts';

const dataset = buildDataset(readFileSync(new URL('../data/corpus.txt', import.meta.url), 'utf8'));
const V = dataset.vocabularySize;
const words = dataset.sequences.reduce((s, t) => s + t.length - 1, 0);
const rows: Record<string, string | number>[] = [];
for (const H of [16, 24, 32]) {
  const params = initParams(H, V, { seed: 1 });
  const grads = zeroWeights(H, V);
  const passMs = median(() => {
    for (const tokens of dataset.sequences) lmBackward(params, lmForward(params, tokens), grads);
  }, 15);
  const epochMs = median(() => {
    for (const _ of trainLM(dataset, { hidden: H, epochs: 1, batchSize: 16, seed: 1 }));
  }, 9);
  const predictMs = median(() => predictNext(params, dataset.dict, ['i', 'like', 'french']), 201, 20);
  rows.push({
    H,
    V,
    'forward+BPTT corpus (ms)': Number(passMs.toPrecision(3)),
    'µs per predicted word': Number(((passMs * 1000) / words).toPrecision(3)),
    'train epoch, batch 16 (ms)': Number(epochMs.toPrecision(3)),
    'Adam steps/s': Math.round(Math.ceil(dataset.sequences.length / 16) / (epochMs / 1000)),
    'predictNext (µs)': Number((predictMs * 1000).toPrecision(3)),
  });
}
console.log(`corpus: ${dataset.sequences.length} sentences, ${words} predicted words, V = ${V}`);
console.table(rows);
