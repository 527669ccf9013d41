import { describe, expect, it } from 'vitest';
import { applyRaceAction, IDLE_RACE, raceStatus, racedUpdates, type RaceAction, type RaceRun } from '@components/race/raceRun.ts';

const settings = { T: 5, seed: 2, updates: 100 };
const speed = { rnn: 1000, lstm: 400 };

/** The reports a 100-update race sends, with made-up MSEs: started, two progress reports, done. */
const REPORTS: RaceAction[] = [
  { type: 'start', settings },
  { type: 'started', settings, baseline: 0.17 },
  { type: 'progress', evaluations: [{ update: 0, rnn: 1.2, lstm: 0.9 }, { update: 50, rnn: 0.2, lstm: 0.1 }], speed },
  { type: 'progress', evaluations: [{ update: 100, rnn: 0.15, lstm: 0.01 }], speed },
  { type: 'done', updates: 100, final: { rnn: 0.15, lstm: 0.01 }, gradients: { rnn: new Float64Array(6), lstm: new Float64Array(6) }, speed },
];

const replay = (actions: RaceAction[], from: RaceRun = IDLE_RACE) => actions.reduce(applyRaceAction, from);

describe('applyRaceAction', () => {
  it('replaying a whole race gathers the curve in order, the baseline and the final MSEs', () => {
    const run = replay(REPORTS);
    expect(run.phase).toBe('done');
    expect(run.baseline).toBe(0.17);
    expect(run.curve).toEqual({ updates: [0, 50, 100], rnn: [1.2, 0.2, 0.15], lstm: [0.9, 0.1, 0.01] });
    expect(run.final).toEqual({ rnn: 0.15, lstm: 0.01 });
    expect(racedUpdates(run)).toBe(100);
  });

  it.each([
    // a pause answered while running pauses; a resume answered while paused resumes
    ['running', 'paused', 'paused'],
    ['paused', 'resumed', 'running'],
    // a pause or resume answered after the race ended changes nothing
    ['done', 'paused', 'done'],
    ['done', 'resumed', 'done'],
    ['error', 'resumed', 'error'],
  ] as const)('phase %s + %s → %s', (phase, type, expected) => {
    expect(applyRaceAction({ ...IDLE_RACE, phase }, { type }).phase).toBe(expected);
  });

  it('start and reset empty the race; start keeps its settings', () => {
    const done = replay(REPORTS);
    expect(applyRaceAction(done, { type: 'reset' })).toBe(IDLE_RACE);
    const again = applyRaceAction(done, { type: 'start', settings: { ...settings, T: 10 } });
    expect(again).toEqual({ ...IDLE_RACE, phase: 'running', settings: { ...settings, T: 10 } });
  });

  it('an error stops the race and keeps what it had', () => {
    const run = replay([...REPORTS.slice(0, 3), { type: 'error', message: 'T must be an integer' }]);
    expect(run.phase).toBe('error');
    expect(run.curve.updates).toEqual([0, 50]);
    expect(raceStatus(run)).toBe('The race stopped: T must be an integer');
  });
});

describe('raceStatus', () => {
  it.each([
    // before Start
    [0, 'Not started.'],
    // racing: says what, not how far (the progress bar does)
    [1, 'Racing: 100 updates for each model, T = 5.'],
    // paused after the first evaluations
    [-1, 'Paused after 50 updates.'],
    // the one line a test waits for
    [REPORTS.length, 'Finished after 100 updates'],
  ])('after %i reports: "%s"', (count, text) => {
    const run = count === -1 ? replay([...REPORTS.slice(0, 3), { type: 'paused' }]) : replay(REPORTS.slice(0, count));
    expect(raceStatus(run)).toBe(text);
  });
});
