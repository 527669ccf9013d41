import type { LmTrainOptions } from '~/core/lm/index.ts';

/** The five weight arrays and sizes of a model, as the worker posts them (structured-cloned Float64Arrays). */
export interface WeightsSnapshot {
  readonly H: number;
  readonly V: number;
  readonly activation: 'tanh' | 'identity';
  readonly wRec: Float64Array;
  readonly wX: Float64Array;
  readonly b: Float64Array;
  readonly wY: Float64Array;
  readonly bY: Float64Array;
}

/** How the corpus is split into training and held-out sentences (splitCorpus's options, as the shipped file records them). */
export interface SplitSettings {
  readonly seed: number;
  readonly heldOutFraction: number;
}

/** Messages the page sends to the training worker. */
export type TrainerCommand =
  | { readonly type: 'start'; readonly options: LmTrainOptions & { epochs: number }; readonly split: SplitSettings }
  | { readonly type: 'pause' }
  | { readonly type: 'resume' };

/** Messages the training worker sends back. */
export type TrainerReport =
  | {
      readonly type: 'started';
      /** The dictionary's words, index order (the same as the shipped file's when the corpus is unchanged). */
      readonly words: readonly string[];
      readonly totalSteps: number;
      readonly stepsPerEpoch: number;
      readonly epochs: number;
      /** Sentences trained on and sentences held out. */
      readonly trainingSentences: number;
      readonly heldOutSentences: number;
      /** Held-out targets scored, and those left out because the dictionary lacks the word. */
      readonly heldOutScored: number;
      readonly heldOutExcluded: number;
    }
  | {
      readonly type: 'progress';
      readonly step: number;
      readonly epoch: number;
      /** Mean cross-entropy per predicted word of each Adam step since the last report (nats). */
      readonly losses: readonly number[];
      /** Training time so far, pauses excluded (ms). */
      readonly elapsedMs: number;
    }
  | {
      readonly type: 'epoch';
      readonly epoch: number;
      /** Mean of the batch losses over the epoch, weighted by words (nats per predicted word, training part). */
      readonly loss: number;
      /** Mean loss per scored word on the held-out sentences at the weights after this epoch (evaluateHeldOut's treatment). */
      readonly heldOutLoss: number;
      /** The most probable word after "i like french", and its probability. */
      readonly topWord: string;
      readonly topProbability: number;
      /** A continuation of "i like french" sampled at temperature SAMPLE_TEMPERATURE with randomLcg(epoch). */
      readonly sample: readonly string[];
      readonly weights: WeightsSnapshot;
    }
  | {
      readonly type: 'done';
      /** Mean cross-entropy per predicted word over the training part at the final weights (nats), as the shipped file records. */
      readonly finalLoss: number;
      /** Mean loss per scored word on the held-out part at the final weights (nats). */
      readonly heldOutLoss: number;
      readonly elapsedMs: number;
      readonly steps: number;
    }
  | { readonly type: 'paused' | 'resumed' }
  | { readonly type: 'error'; readonly message: string };

/** The prefix whose continuation the trainer samples after every epoch. */
export const SAMPLE_PREFIX = ['i', 'like', 'french'] as const;
/** The temperature of those samples. */
export const SAMPLE_TEMPERATURE = 0.7;
/** The longest sample, in words. */
export const SAMPLE_MAX_WORDS = 12;
