/**
 * The next-word trainer's Web Worker: runs the core's `trainLM` on the training part of data/corpus.txt off the
 * main thread, in time slices so that pause and resume messages are heard between Adam steps, and posts progress,
 * a summary after every epoch (training and held-out loss, a sample, the weights) and the final losses.
 */
import { randomLcg } from 'd3-random';
import corpus from '../../data/corpus.txt?raw';
import {
  buildDataset,
  cloneParams,
  encodeHeldOut,
  heldOutLoss,
  meanLoss,
  predictNext,
  sampleContinuation,
  sentencesText,
  splitCorpus,
  topK,
  trainLM,
} from '~/core/lm/index.ts';
import type { CorpusDataset, HeldOutData, LmTrainStep, Params } from '~/core/lm/index.ts';
import {
  SAMPLE_MAX_WORDS,
  SAMPLE_PREFIX,
  SAMPLE_TEMPERATURE,
  type TrainerCommand,
  type SplitSettings,
  type TrainerReport,
  type WeightsSnapshot,
} from './lmTrainerMessages.ts';

/** How long one slice of training runs before the worker yields to its message queue (ms). */
const SLICE_MS = 40;

interface WorkerScope {
  postMessage(message: TrainerReport): void;
  onmessage: ((event: MessageEvent<TrainerCommand>) => void) | null;
}
const scope = self as unknown as WorkerScope;

let dataset: CorpusDataset | undefined;
let heldOut: HeldOutData | undefined;
/** The split the dataset was built for (a start with other settings rebuilds it). */
let splitKey = '';
let trainer: Generator<LmTrainStep, Params, void> | undefined;
let paused = false;
let scheduled = false;
let stepsPerEpoch = 1;
let totalSteps = 0;
let step = 0;
/** Training time before the last (re)start, and when that (re)start was (pauses are excluded from the clock). */
let activeMs = 0;
let runningSince = 0;
let epochLoss = 0;
let epochWords = 0;

scope.onmessage = (event) => {
  const command = event.data;
  try {
    if (command.type === 'start') start(command.options, command.split);
    // a pause or resume that arrives after the run finished (or before one started) has nothing to act on
    else if (trainer === undefined) return;
    else if (command.type === 'pause') {
      if (!paused) activeMs += performance.now() - runningSince;
      paused = true;
      scope.postMessage({ type: 'paused' });
    } else if (command.type === 'resume') {
      if (paused) runningSince = performance.now();
      paused = false;
      scope.postMessage({ type: 'resumed' });
      schedule();
    }
  } catch (error) {
    scope.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};

function start(options: Extract<TrainerCommand, { type: 'start' }>['options'], split: SplitSettings): void {
  const key = `${split.seed}:${split.heldOutFraction}`;
  if (dataset === undefined || heldOut === undefined || key !== splitKey) {
    // splitCorpus checks the settings and throws a RangeError naming a bad one.
    const parts = splitCorpus(corpus, { seed: split.seed, heldOutFraction: split.heldOutFraction });
    dataset = buildDataset(sentencesText(parts.training));
    heldOut = encodeHeldOut(dataset.dict, parts.heldOut);
    splitKey = key;
  }
  // trainLM checks every option and throws a RangeError before the first step.
  trainer = trainLM(dataset, options);
  const batchSize = options.batchSize ?? 16;
  stepsPerEpoch = Math.ceil(dataset.sequences.length / batchSize);
  totalSteps = stepsPerEpoch * options.epochs;
  step = 0;
  activeMs = 0;
  runningSince = performance.now();
  epochLoss = 0;
  epochWords = 0;
  paused = false;
  scope.postMessage({
    type: 'started',
    words: dataset.dict.words,
    totalSteps,
    stepsPerEpoch,
    epochs: options.epochs,
    trainingSentences: dataset.sequences.length,
    heldOutSentences: heldOut.sequences.length,
    heldOutScored: heldOut.scoredWords,
    heldOutExcluded: heldOut.excludedTargets,
  });
  schedule();
}

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  setTimeout(slice, 0);
}

/** Runs Adam steps for about SLICE_MS, then reports and yields so that a pause can arrive. */
function slice(): void {
  scheduled = false;
  if (paused || trainer === undefined || dataset === undefined) return;
  const began = performance.now();
  const losses: number[] = [];
  try {
    while (performance.now() - began < SLICE_MS) {
      const result = trainer.next();
      if (result.done) {
        report(losses);
        finish(result.value);
        return;
      }
      const { epoch, loss, words, params } = result.value;
      step = result.value.step;
      losses.push(loss);
      epochLoss += loss * words;
      epochWords += words;
      if (step % stepsPerEpoch === 0) {
        report(losses.splice(0));
        endOfEpoch(epoch, params);
        if (paused) return;
      }
    }
  } catch (error) {
    trainer = undefined;
    scope.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) });
    return;
  }
  report(losses);
  schedule();
}

/** Training time so far: wall-clock time since the start, pauses excluded (ms). */
function elapsed(): number {
  return paused ? activeMs : activeMs + performance.now() - runningSince;
}

function report(losses: number[]): void {
  if (losses.length === 0) return;
  scope.postMessage({ type: 'progress', step, epoch: Math.ceil(step / stepsPerEpoch), losses, elapsedMs: elapsed() });
}

function endOfEpoch(epoch: number, params: Params): void {
  const dict = dataset!.dict;
  const [top] = topK(predictNext(params, dict, SAMPLE_PREFIX), 1, dict);
  const { words } = sampleContinuation(params, dict, SAMPLE_PREFIX, {
    temperature: SAMPLE_TEMPERATURE,
    maxWords: SAMPLE_MAX_WORDS,
    rng: randomLcg(epoch),
  });
  const weights: WeightsSnapshot = cloneParams(params);
  scope.postMessage({
    type: 'epoch',
    epoch,
    loss: epochLoss / epochWords,
    // 35 sentences, forward passes only: a few per cent of an epoch's time
    heldOutLoss: heldOutLoss(params, heldOut!).meanLoss,
    topWord: top!.word,
    topProbability: top!.probability,
    sample: words,
    weights,
  });
  epochLoss = 0;
  epochWords = 0;
}

function finish(params: Params): void {
  trainer = undefined;
  const trainingMs = elapsed();
  scope.postMessage({
    type: 'done',
    finalLoss: meanLoss(params, dataset!.sequences),
    heldOutLoss: heldOutLoss(params, heldOut!).meanLoss,
    elapsedMs: trainingMs,
    steps: step,
  });
}
