/**
 * Training loop: mini-batches of whole sentences, Adam on the mean cross-entropy per predicted word.
 *
 * For a batch B, the objective is L = (Σ_{sentences in B} E) / N_B, with E = Σ_k −log y_k[next_k] (lm-loss) and
 * N_B the number of predicted words in B (each sentence of w words predicts w + 1 tokens: its words and `</s>`).
 * Its gradient is the sum of the sentences' BPTT gradients divided by N_B, clipped to a global norm, then one
 * Adam step. Every epoch visits every sentence once, in an order shuffled by a seeded generator.
 */
import { randomLcg } from 'd3-random';
import type { AdamOptions } from './adam.ts';
import { adamStep, createAdam } from './adam.ts';
import { checkTruncation, lmBackward } from './backward.ts';
import { clipGradients, gradientNorm } from './clip.ts';
import type { Dictionary } from './dictionary.ts';
import { buildDictionary, encodeCorpus } from './dictionary.ts';
import { checkIndices, lmForward } from './forward.ts';
import type { Activation, Params } from './params.ts';
import { checkSizes, cloneParams, initParams, WEIGHT_NAMES, zeroWeights } from './params.ts';

/** Training data: the vocabulary size and the sentences as token lists `<s>` … `</s>`. */
export interface LmDataset {
  /** V: number of words in the dictionary (special tokens included). */
  readonly vocabularySize: number;
  /** Each sentence as token indices t_0 … t_n (n ≥ 1). */
  readonly sequences: readonly (readonly number[])[];
}

/** A dataset built from a corpus text, with its dictionary. */
export interface CorpusDataset extends LmDataset {
  readonly dict: Dictionary;
}

/** Options of `trainLM`. */
export interface LmTrainOptions extends AdamOptions {
  /** Hidden size H (default 24). */
  hidden?: number;
  /** Seed of the initial weights (`randomLcg(seed)`) and of the shuffling (`randomLcg(seed + 1)`) (default 1). */
  seed?: number;
  /** Number of passes over the sentences (default 30). */
  epochs?: number;
  /** Sentences per Adam step (default 16). */
  batchSize?: number;
  /**
   * Step size at the last epoch (default: learningRate, i.e. constant). In between, lr decays geometrically
   * epoch by epoch: lr_e = lr · (lrEnd / lr)^((e − 1) / (epochs − 1)).
   */
  learningRateEnd?: number;
  /** Largest global gradient norm before clipping, or Infinity for none (default 5). */
  clipNorm?: number;
  /** BPTT truncation τ (default: full BPTT). */
  truncation?: number;
  /** State nonlinearity (default 'tanh'). */
  activation?: Activation;
  /** Start from a copy of these parameters instead of a seeded initialization (hidden and activation then come from them). */
  init?: Params;
  /** Shuffle the sentences every epoch (default true). */
  shuffle?: boolean;
}

/** What `trainLM` yields after each Adam step. */
export interface LmTrainStep {
  /** Epoch number, from 1. */
  readonly epoch: number;
  /** Adam step number over the whole run, from 1. */
  readonly step: number;
  /** Mean cross-entropy per predicted word on this batch, before the step (nats). */
  readonly loss: number;
  /** Adam step size used for this step. */
  readonly learningRate: number;
  /** Global norm of the batch's mean gradient before clipping. */
  readonly gradNorm: number;
  /** Number of predicted words in the batch. */
  readonly words: number;
  /** The parameters being trained (updated in place: copy them to keep a snapshot). */
  readonly params: Params;
}

/** The dictionary of a corpus (one sentence per line) and its non-blank lines as token lists. */
export function buildDataset(corpusText: string): CorpusDataset {
  const dict = buildDictionary(corpusText);
  const sequences = encodeCorpus(dict, corpusText);
  if (sequences.length === 0) throw new RangeError('corpusText holds no sentence (every line is blank)');
  return { dict, vocabularySize: dict.words.length, sequences };
}

/** Mean cross-entropy per predicted word, Σ E / Σ n, over the sentences at fixed parameters (nats). */
export function meanLoss(params: Params, sequences: readonly (readonly number[])[]): number {
  if (sequences.length === 0) throw new RangeError('sequences is empty: give at least one sentence');
  let loss = 0;
  let words = 0;
  for (const tokens of sequences) {
    const fwd = lmForward(params, tokens);
    loss += fwd.loss;
    words += fwd.n;
  }
  return loss / words;
}

function checkPositiveInteger(value: number, name: string): void {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be an integer ≥ 1, got ${String(value)}`);
}

/**
 * Trains a model step by step: a generator yielding { epoch, step, loss, … } after every Adam step, so a
 * worker can drive it and stop at will; its return value is the trained parameters. Bad options or data
 * throw a RangeError here, before the first step.
 */
export function trainLM(dataset: LmDataset, options: LmTrainOptions = {}): Generator<LmTrainStep, Params, void> {
  const {
    hidden = options.init?.H ?? 24,
    seed = 1,
    epochs = 30,
    batchSize = 16,
    clipNorm = 5,
    truncation,
    activation = options.init?.activation ?? 'tanh',
    shuffle = true,
  } = options;
  const V = dataset.vocabularySize;
  checkSizes(hidden, V);
  checkPositiveInteger(epochs, 'epochs');
  checkPositiveInteger(batchSize, 'batchSize');
  checkTruncation(truncation);
  if (!(clipNorm > 0)) throw new RangeError(`clipNorm must be a number > 0 (or Infinity), got ${String(clipNorm)}`);
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${String(seed)}`);
  if (dataset.sequences.length === 0) throw new RangeError('dataset.sequences is empty: give at least one sentence');
  const params = options.init ? cloneParams(options.init) : initParams(hidden, V, { seed, activation });
  if (params.H !== hidden || params.V !== V) {
    throw new RangeError(`init has H = ${params.H}, V = ${params.V}, but the options ask for H = ${hidden}, V = ${V}`);
  }
  dataset.sequences.forEach((tokens, i) => checkIndices(params, tokens as number[], `dataset.sequences[${i}]`, 2));
  const adam = createAdam(hidden, V, options);
  const learningRateEnd = options.learningRateEnd ?? adam.learningRate;
  if (!(learningRateEnd > 0) || !Number.isFinite(learningRateEnd)) {
    throw new RangeError(`learningRateEnd must be a finite number > 0, got ${String(learningRateEnd)}`);
  }
  const o = { epochs, batchSize, clipNorm, truncation, shuffle, seed, learningRateEnd };
  return run(params, dataset.sequences, o, adam);
}

function* run(
  params: Params,
  sequences: readonly (readonly number[])[],
  o: {
    epochs: number;
    batchSize: number;
    clipNorm: number;
    truncation?: number;
    shuffle: boolean;
    seed: number;
    learningRateEnd: number;
  },
  adam: ReturnType<typeof createAdam>,
): Generator<LmTrainStep, Params, void> {
  const rng = randomLcg(o.seed + 1);
  const order = sequences.map((_, i) => i);
  const grads = zeroWeights(params.H, params.V);
  let step = 0;
  const lr0 = adam.learningRate;
  for (let epoch = 1; epoch <= o.epochs; epoch++) {
    // lr_e = lr · (lrEnd / lr)^((e − 1) / (epochs − 1))
    adam.learningRate = o.epochs === 1 ? lr0 : lr0 * (o.learningRateEnd / lr0) ** ((epoch - 1) / (o.epochs - 1));
    if (o.shuffle) {
      // Fisher–Yates with the seeded source
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(rng() * (i + 1));
        [order[i], order[j]] = [order[j], order[i]];
      }
    }
    for (let start = 0; start < order.length; start += o.batchSize) {
      for (const name of WEIGHT_NAMES) grads[name].fill(0);
      let loss = 0;
      let words = 0;
      const end = Math.min(start + o.batchSize, order.length);
      for (let i = start; i < end; i++) {
        const fwd = lmForward(params, sequences[order[i]]);
        lmBackward(params, fwd, grads, { truncation: o.truncation });
        loss += fwd.loss;
        words += fwd.n;
      }
      // ∇L = (Σ ∇E) / N_B: the gradient of the mean cross-entropy per predicted word
      for (const name of WEIGHT_NAMES) {
        const g = grads[name];
        for (let i = 0; i < g.length; i++) g[i] /= words;
      }
      const gradNorm = Number.isFinite(o.clipNorm) ? clipGradients(grads, o.clipNorm) : gradientNorm(grads);
      adamStep(params, grads, adam);
      step += 1;
      yield { epoch, step, loss: loss / words, learningRate: adam.learningRate, gradNorm, words, params };
    }
  }
  return params;
}
