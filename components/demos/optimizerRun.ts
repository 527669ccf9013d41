import { train, type Dataset, type OptimizerConfig, type TrainOptions, type TrainStep, type Weights } from '~/core';

/** Weights farther than this from 0 (in either coordinate) count as thrown off: far outside the ±3 chart. */
export const ESCAPE_BOUND = 100;
/** How close to the optimum (1, 1) counts as reaching it. */
export const REACH_DISTANCE = 0.01;

/** Why a run stopped before its limit. */
export type StopReason = 'overflow' | 'escaped';

/**
 * One optimizer's run of the core's `train` generator. It records the weights of every iteration and the core's loss
 * at those weights (each update's `loss` is at its new weights `w`; the start's is the first update's `lossFrom`),
 * stops itself when the weights or the loss overflow or the weights leave [−ESCAPE_BOUND, ESCAPE_BOUND], and notes
 * the first iteration within REACH_DISTANCE of (1, 1).
 */
export class OptimizerRun {
  /** Updates taken so far (0 before the first). */
  iteration = 0;
  /** The weights after `iteration` updates. */
  w: Weights;
  /** The (penalised) loss at `w`; NaN once the run has stopped because `w` overflowed or escaped. */
  loss: number;
  /** Why the run stopped, or null while it can go on. */
  stopped: StopReason | null = null;
  /** The first iteration within REACH_DISTANCE of (1, 1), with its weights. */
  reached: { iteration: number; w: Weights } | null = null;
  /** w_x, w_rec of iteration i at [2i], [2i + 1], for i = 0..iteration. */
  readonly path: Float64Array;
  /** The loss at iteration i's weights, for i = 0..iteration (while known). */
  readonly losses: Float64Array;
  private readonly updates: Generator<TrainStep, never, undefined>;
  private pending: TrainStep | null = null;

  constructor(data: Dataset, start: Weights, optimizer: OptimizerConfig, options: TrainOptions, readonly limit: number) {
    this.updates = train(data, start, optimizer, options);
    this.path = new Float64Array(2 * (limit + 1));
    this.losses = new Float64Array(limit + 1);
    this.w = { wRec: start.wRec, wX: start.wX };
    this.path[0] = start.wX;
    this.path[1] = start.wRec;
    // the first update is taken now for the loss at the start (its lossFrom); advance() hands it out
    this.pending = this.updates.next().value;
    this.loss = this.pending.lossFrom;
    this.losses[0] = this.loss;
    if (!Number.isFinite(this.loss)) this.stopped = 'overflow';
    this.checkReached();
  }

  /** Takes one update; false (and nothing changes) when the run has stopped or reached its limit. */
  advance(): boolean {
    if (this.stopped !== null || this.iteration >= this.limit) return false;
    const step = this.pending ?? this.updates.next().value;
    this.pending = null;
    this.iteration = step.iteration;
    this.w = step.w;
    this.path[2 * this.iteration] = step.w.wX;
    this.path[2 * this.iteration + 1] = step.w.wRec;
    this.loss = NaN;
    if (!Number.isFinite(step.w.wX) || !Number.isFinite(step.w.wRec)) this.stopped = 'overflow';
    else if (Math.abs(step.w.wX) > ESCAPE_BOUND || Math.abs(step.w.wRec) > ESCAPE_BOUND) this.stopped = 'escaped';
    else {
      this.loss = step.loss;
      this.losses[this.iteration] = this.loss;
      if (!Number.isFinite(this.loss)) this.stopped = 'overflow';
    }
    this.checkReached();
    return true;
  }

  /** Whether `advance` can take another update. */
  get active(): boolean {
    return this.stopped === null && this.iteration < this.limit;
  }

  private checkReached() {
    if (this.reached === null && this.stopped === null && Math.hypot(this.w.wX - 1, this.w.wRec - 1) <= REACH_DISTANCE) {
      this.reached = { iteration: this.iteration, w: this.w };
    }
  }
}
