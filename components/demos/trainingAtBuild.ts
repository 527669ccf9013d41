import { countingDataset, type OptimizerConfig, type TrainOptions, type Weights } from '~/core';
import { OptimizerRun } from './optimizerRun.ts';

/**
 * Where one racer of the training chapter ends, computed at build time for the prose: the run the trainer cell
 * shows, on the chapter's default data (`countingDataset` defaults) from `start`, taken to `limit` iterations or until it stops.
 */
export function raceOutcome(optimizer: OptimizerConfig, start: Weights, options: TrainOptions, limit: number) {
  const run = new OptimizerRun(countingDataset({}), start, optimizer, options, limit);
  while (run.advance());
  return { iteration: run.iteration, w: run.w, loss: run.loss, stopped: run.stopped, reached: run.reached };
}
