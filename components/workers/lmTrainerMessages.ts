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

/** Messages the page sends to the training worker. */
export type TrainerCommand =
  | { readonly type: 'start'; readonly options: LmTrainOptions & { epochs: number } }
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
      /** Mean of the batch losses over the epoch, weighted by words (nats per predicted word). */
      readonly loss: number;
      /** The most probable word after "i like french", and its probability. */
      readonly topWord: string;
      readonly topProbability: number;
      /** A continuation of "i like french" sampled at temperature SAMPLE_TEMPERATURE with randomLcg(epoch). */
      readonly sample: readonly string[];
      readonly weights: WeightsSnapshot;
    }
  | {
      readonly type: 'done';
      /** Mean cross-entropy per predicted word over the whole corpus at the final weights (nats), as the shipped file records. */
      readonly finalLoss: number;
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
