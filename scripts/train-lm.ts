/**
 * Trains the next-word model of the "I like French …" chapter on the training part of data/corpus.txt (a seeded
 * split holds out 10 % of its sentences) with a fixed seed and fixed hyper-parameters, scores it on the held-out
 * part, and writes public/data/lm-weights.json (weights, dictionary of the training part, hyper-parameters, the
 * split, the losses and the entropy floors). Run: node --experimental-strip-types scripts/train-lm.ts
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  buildDataset,
  conditionalEntropyFloor,
  corpusSentences,
  deserializeParams,
  evaluateHeldOut,
  meanLoss,
  predictNext,
  sentencesText,
  serializeParams,
  splitCorpus,
  topK,
  trainLM,
} from '../src/core/lm/index.ts';
import type { Params, LmTrainOptions } from '../src/core/lm/index.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const corpusPath = resolve(root, 'data/corpus.txt');
const outPath = resolve(root, 'public/data/lm-weights.json');

const hyperParameters = {
  hidden: 24,
  seed: 20150101,
  epochs: 300,
  batchSize: 16,
  learningRate: 0.01,
  learningRateEnd: 0.001,
  beta1: 0.9,
  beta2: 0.999,
  epsilon: 1e-8,
  clipNorm: 5,
  activation: 'tanh',
} as const satisfies LmTrainOptions;
// trainLM draws from randomLcg(seed) and randomLcg(seed + 1): the split takes the next seed, a stream of its own.
const splitOptions = { seed: hyperParameters.seed + 2, heldOutFraction: 0.1 };
const significantDigits = 6;
const probe = ['i', 'like', 'french'];

const corpus = readFileSync(corpusPath, 'utf8');
const split = splitCorpus(corpus, splitOptions);
const dataset = buildDataset(sentencesText(split.training));
const { dict, sequences } = dataset;
const words = sequences.reduce((sum, t) => sum + t.length - 1, 0);
console.log(
  `corpus: ${split.training.length} training + ${split.heldOut.length} held-out sentences; training part: ${words} predicted words, V = ${dict.words.length}`,
);

const started = performance.now();
const trainer = trainLM(dataset, hyperParameters);
let params: Params | undefined;
let steps = 0;
let epochLoss = 0;
let epochWords = 0;
let lastEpoch = 1;
for (;;) {
  const r = trainer.next();
  if (r.done) {
    params = r.value;
    break;
  }
  const { epoch, loss, words: w } = r.value;
  if (epoch !== lastEpoch) {
    if (lastEpoch % 30 === 0 || lastEpoch === 1) console.log(`epoch ${lastEpoch}: mean loss during epoch ${(epochLoss / epochWords).toFixed(4)}`);
    epochLoss = 0;
    epochWords = 0;
    lastEpoch = epoch;
  }
  epochLoss += loss * w;
  epochWords += w;
  steps += 1;
}
const seconds = (performance.now() - started) / 1000;
const finalLoss = meanLoss(params, sequences);
console.log(`final mean cross-entropy per predicted word: ${finalLoss.toFixed(4)} nats (perplexity ${Math.exp(finalLoss).toFixed(3)})`);
console.log(`training: ${steps} steps in ${seconds.toFixed(2)} s, ${(steps / seconds).toFixed(1)} steps/s`);

const unrounded = serializeParams(params, dict, {}, { significantDigits });
const { params: rounded } = deserializeParams(JSON.parse(JSON.stringify(unrounded)));
// The recorded losses are those of the weights as shipped (rounded), so that they can be recomputed from the file.
const trainLoss = meanLoss(rounded, sequences);
const heldOut = evaluateHeldOut(rounded, dict, split.heldOut);
const unknown = (w: string) => !dict.index.has(w);
const trainFloor = conditionalEntropyFloor(split.training);
const heldOutFloor = conditionalEntropyFloor(split.heldOut, { exclude: unknown });
const corpusFloor = conditionalEntropyFloor(corpusSentences(corpus));
const { H, V } = params;
const parameters = H * H + H * V + H + V * H + V;
const digits = (x: number) => Number(x.toPrecision(12));
console.log(`held-out: ${heldOut.scoredWords} scored targets, ${heldOut.excludedTargets} excluded (not in the dictionary) of ${heldOut.totalTokens}`);
console.log(`mean loss per word: training ${trainLoss.toFixed(4)} (floor ${trainFloor.toFixed(4)}), held-out ${heldOut.meanLoss.toFixed(4)} (floor ${heldOutFloor.toFixed(4)}); whole-corpus floor ${corpusFloor.toFixed(4)}`);

const json = serializeParams(
  params,
  dict,
  {
    description: 'Vector recurrent language model trained on the training part of data/corpus.txt by scripts/train-lm.ts',
    corpus: 'data/corpus.txt',
    sentences: sequences.length,
    predictedWords: words,
    split: {
      seed: splitOptions.seed,
      heldOutFraction: splitOptions.heldOutFraction,
      method: 'splitCorpus(corpus, { seed, heldOutFraction }) in src/core/lm/split.ts',
      trainingSentences: split.training.length,
      heldOutSentences: split.heldOut.length,
      heldOutLines: split.heldOut.map((s) => s.line),
    },
    hyperParameters,
    parameters,
    loss: 'mean cross-entropy per predicted word (nats), Adam on mini-batches of whole sentences',
    finalLoss: digits(trainLoss),
    trainLoss: digits(trainLoss),
    heldOutLoss: digits(heldOut.meanLoss),
    heldOutScored: heldOut.scoredWords,
    heldOutExcluded: heldOut.excludedTargets,
    heldOutTokens: heldOut.totalTokens,
    heldOutTreatment: 'a word outside the dictionary is read as <unk> and, as a target, left out of the loss and of the held-out floor',
    trainFloor: digits(trainFloor),
    heldOutFloor: digits(heldOutFloor),
    corpusFloor: digits(corpusFloor),
    steps,
    significantDigits,
  },
  { significantDigits },
);

// Rounding must not change what the page shows: the full ranking after "i like french" and the
// top 5 after every prefix of every training sentence.
const rank = (p: Params, prefix: string[], k: number): number[] => topK(predictNext(p, dict, prefix), k).map((r) => r.index);
if (rank(params, probe, dict.words.length).join() !== rank(rounded, probe, dict.words.length).join()) {
  throw new Error('rounding the weights changed the ranking after "i like french"');
}
let changed = 0;
let prefixes = 0;
for (const tokens of sequences) {
  for (let m = 1; m < tokens.length - 1; m++) {
    const prefix = tokens.slice(1, m + 1).map((i) => dict.words[i]);
    prefixes += 1;
    if (rank(params, prefix, 5).join() !== rank(rounded, prefix, 5).join()) changed += 1;
  }
}
console.log(`rounding to ${significantDigits} significant digits: top-5 unchanged for ${prefixes - changed} of ${prefixes} corpus prefixes`);
if (changed > 0) throw new Error('rounding the weights changed a top-5 ranking');

mkdirSync(dirname(outPath), { recursive: true });
const text = `${JSON.stringify(json)}\n`;
writeFileSync(outPath, text);
console.log(`wrote ${outPath} (${(text.length / 1024).toFixed(1)} KB)`);
console.log(`top 10 after "${probe.join(' ')}":`);
for (const { word, probability } of topK(predictNext(rounded, dict, probe), 10, dict)) {
  console.log(`  ${word.padEnd(10)} ${probability.toFixed(4)}`);
}
