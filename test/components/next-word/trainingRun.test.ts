import { describe, expect, it } from 'vitest';
import { applyTrainingAction, IDLE_RUN, isMilestone, type TrainingAction, type TrainingRun } from '@components/next-word/trainingRun.ts';
import type { WeightsSnapshot } from '@components/workers/lmTrainerMessages.ts';

const weights = { H: 1, V: 4 } as unknown as WeightsSnapshot;

/** The reports of a run of `epochs` epochs of two steps each, as the worker sends them, ending with 'done'. */
function reports(epochs: number): TrainingAction[] {
  const out: TrainingAction[] = [
    {
      type: 'started',
      words: ['<pad>', '<s>', '</s>', 'i', 'like', 'french'],
      totalSteps: 2 * epochs,
      stepsPerEpoch: 2,
      epochs,
      trainingSentences: 4,
      heldOutSentences: 1,
      heldOutScored: 3,
      heldOutExcluded: 1,
    },
  ];
  for (let e = 1; e <= epochs; e++) {
    out.push({ type: 'progress', step: 2 * e, epoch: e, losses: [5 / e, 4 / e], elapsedMs: 10 * e });
    out.push({ type: 'epoch', epoch: e, loss: 4.5 / e, heldOutLoss: 5 / e, topWord: 'fries', topProbability: 0.5, sample: ['fries'], weights });
  }
  out.push({ type: 'done', finalLoss: 0.25, heldOutLoss: 1.75, elapsedMs: 10 * epochs + 1, steps: 2 * epochs });
  return out;
}

const replay = (actions: TrainingAction[], from: TrainingRun = IDLE_RUN) => actions.reduce(applyTrainingAction, from);

describe('applyTrainingAction', () => {
  it('stays done when a pause or resume arrives after the run finished (the reader pressed Pause as it ended)', () => {
    const done = replay([{ type: 'start' }, ...reports(1)]);
    expect(replay([{ type: 'paused' }], done).phase).toBe('done');
    expect(replay([{ type: 'paused' }, { type: 'resumed' }], done).phase).toBe('done');
    // while running, pause and resume work as before
    const running = replay([{ type: 'start' }, ...reports(1).slice(0, 2)]);
    expect(replay([{ type: 'paused' }], running).phase).toBe('paused');
    expect(replay([{ type: 'paused' }, { type: 'resumed' }], running).phase).toBe('running');
  });

  it('replays a 3-epoch run: every step loss, every epoch, the final loss, and phase done', () => {
    const run = replay([{ type: 'start' }, ...reports(3)]);
    expect(run.phase).toBe('done');
    expect(run.plan).toMatchObject({ totalSteps: 6, stepsPerEpoch: 2, epochs: 3, trainingSentences: 4, heldOutSentences: 1, heldOutScored: 3, heldOutExcluded: 1 });
    expect(run.losses).toEqual([5, 4, 2.5, 2, 5 / 3, 4 / 3]);
    expect(run.epochs.map((e) => e.loss)).toEqual([4.5, 2.25, 1.5]);
    expect(run.epochs.map((e) => e.heldOutLoss)).toEqual([5, 2.5, 5 / 3]);
    expect(run.step).toBe(6);
    expect(run.elapsedMs).toBe(31);
    expect(run.finalLoss).toBe(0.25);
    expect(run.finalHeldOutLoss).toBe(1.75);
    expect(run.snapshot).toEqual({ epoch: 3, weights });
  });

  it('keeps the milestone samples and the latest one, dropping a non-milestone once the next epoch arrives', () => {
    const run = replay(reports(12).filter((a) => a.type !== 'done'));
    // epochs 1, 2, 3, 5 and 10 are milestones of a 12-epoch run; 12 is the latest (and the last)
    expect(run.samples.map((s) => s.epoch)).toEqual([1, 2, 3, 5, 10, 12]);
    expect(run.epochs).toHaveLength(12);
  });

  it.each([
    // pause and resume only change the phase
    [[{ type: 'paused' }] as TrainingAction[], 'paused'],
    [[{ type: 'paused' }, { type: 'resumed' }] as TrainingAction[], 'running'],
    // an error keeps what was reported and says why
    [[{ type: 'error', message: 'out of memory' }] as TrainingAction[], 'error'],
  ])('%j after a started run gives phase %s', (actions, phase) => {
    const started = replay([{ type: 'start' }, ...reports(1).slice(0, 2)]);
    const run = replay(actions, started);
    expect(run.phase).toBe(phase);
    expect(run.losses).toEqual(started.losses);
    if (phase === 'error') expect(run.error).toBe('out of memory');
  });

  it('start empties a finished run and sets it running; reset empties it and sets it idle', () => {
    const done = replay(reports(2));
    expect(applyTrainingAction(done, { type: 'start' })).toEqual({ ...IDLE_RUN, phase: 'running' });
    expect(applyTrainingAction(done, { type: 'reset' })).toEqual(IDLE_RUN);
  });
});

describe('isMilestone', () => {
  it.each([
    // the first three epochs, the fifth, every tenth up to 50, every fiftieth, and the last
    [1, 300, true],
    [3, 300, true],
    [4, 300, false],
    [5, 300, true],
    [40, 300, true],
    [60, 300, false],
    [150, 300, true],
    [299, 300, false],
    [299, 299, true],
  ])('isMilestone(%i, %i) is %s', (epoch, epochs, expected) => {
    expect(isMilestone(epoch, epochs)).toBe(expected);
  });
});
