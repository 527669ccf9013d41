import { dictionaryFromWords, type Dictionary } from '~/core/lm/index.ts';
import type { TrainerReport, WeightsSnapshot } from '../workers/lmTrainerMessages.ts';

/** Where a training run is: not started, training, paused by the reader, finished, or stopped by an error. */
export type Phase = 'idle' | 'running' | 'paused' | 'done' | 'error';

/** The size of a run, as the worker announces it when it starts, with the dictionary it trains on. */
export interface RunPlan {
  totalSteps: number;
  stepsPerEpoch: number;
  epochs: number;
  dict: Dictionary;
  /** Sentences trained on and held out, and the held-out targets scored and left out (words the dictionary lacks). */
  trainingSentences: number;
  heldOutSentences: number;
  heldOutScored: number;
  heldOutExcluded: number;
}

/**
 * What the worker reports at the end of an epoch: its mean loss on the training part (over the epoch's steps) and on
 * the held-out part (at the epoch's final weights), the most probable word and a sample after the prefix.
 */
export interface EpochSummary {
  epoch: number;
  loss: number;
  heldOutLoss: number;
  topWord: string;
  topProbability: number;
  sample: readonly string[];
}

/** Everything the page knows of one training run, built from the worker's reports. */
export interface TrainingRun {
  phase: Phase;
  /** Why the run stopped, when `phase` is 'error'. */
  error: string;
  /** Null until the worker has started. */
  plan: RunPlan | null;
  step: number;
  /** Training time so far, pauses excluded (ms). */
  elapsedMs: number;
  /** The loss of every step so far. */
  losses: number[];
  epochs: EpochSummary[];
  /** The epochs whose samples are listed: the milestones and the latest. */
  samples: EpochSummary[];
  /** The mean loss over the training part at the final weights, once the run is done. */
  finalLoss: number | null;
  /** The mean loss per scored word over the held-out part at the final weights, once the run is done. */
  finalHeldOutLoss: number | null;
  /** The weights after the latest finished epoch. */
  snapshot: { epoch: number; weights: WeightsSnapshot } | null;
}

/** What changes a run: a report from the worker, or the page starting or resetting it. */
export type TrainingAction = TrainerReport | { readonly type: 'start' } | { readonly type: 'reset' };

/** A run with nothing in it, in the given phase. */
function empty(phase: Phase): TrainingRun {
  return {
    phase,
    error: '',
    plan: null,
    step: 0,
    elapsedMs: 0,
    losses: [],
    epochs: [],
    samples: [],
    finalLoss: null,
    finalHeldOutLoss: null,
    snapshot: null,
  };
}

/** The run before anything has been started. */
export const IDLE_RUN: TrainingRun = empty('idle');

/** Whether an epoch's sample stays in the list once later epochs arrive. */
export function isMilestone(epoch: number, epochs: number): boolean {
  return epoch <= 3 || epoch === 5 || (epoch <= 50 && epoch % 10 === 0) || epoch % 50 === 0 || epoch === epochs;
}

/** The run after one action: a pure reducer, so the worker's reports can be replayed in a test. */
export function applyTrainingAction(run: TrainingRun, action: TrainingAction): TrainingRun {
  switch (action.type) {
    case 'start':
      return empty('running');
    case 'reset':
      return empty('idle');
    case 'started':
      return {
        ...run,
        plan: {
          totalSteps: action.totalSteps,
          stepsPerEpoch: action.stepsPerEpoch,
          epochs: action.epochs,
          dict: dictionaryFromWords(action.words.slice(3)),
          trainingSentences: action.trainingSentences,
          heldOutSentences: action.heldOutSentences,
          heldOutScored: action.heldOutScored,
          heldOutExcluded: action.heldOutExcluded,
        },
      };
    case 'progress':
      return { ...run, step: action.step, elapsedMs: action.elapsedMs, losses: run.losses.concat(action.losses) };
    case 'epoch': {
      const summary: EpochSummary = {
        epoch: action.epoch,
        loss: action.loss,
        heldOutLoss: action.heldOutLoss,
        topWord: action.topWord,
        topProbability: action.topProbability,
        sample: action.sample,
      };
      const total = run.plan?.epochs ?? action.epoch;
      const previous = run.samples;
      const kept = previous.length > 0 && !isMilestone(previous[previous.length - 1]!.epoch, total) ? previous.slice(0, -1) : previous;
      return {
        ...run,
        epochs: run.epochs.concat(summary),
        samples: kept.concat(summary),
        snapshot: { epoch: action.epoch, weights: action.weights },
      };
    }
    case 'done':
      return { ...run, finalLoss: action.finalLoss, finalHeldOutLoss: action.heldOutLoss, elapsedMs: action.elapsedMs, step: action.steps, phase: 'done' };
    // A pause or resume answered after the run ended (the reader pressed Pause as the last step finished) changes nothing.
    case 'paused':
      return run.phase === 'running' ? { ...run, phase: 'paused' } : run;
    case 'resumed':
      return run.phase === 'paused' ? { ...run, phase: 'running' } : run;
    case 'error':
      return { ...run, error: action.message, phase: 'error' };
  }
}
