import { formatNumber } from '~/notebook/format.ts';
import type { Racer } from '~/notebook/optimizers.ts';
import { ESCAPE_BOUND, REACH_DISTANCE, type OptimizerRun } from '../demos/optimizerRun.ts';

/** A message about the race, with how much it matters: a warning is drawn as one. */
export interface RaceMessage {
  text: string;
  severity: 'info' | 'warning';
}

/** A weight for readers: overflow that became NaN (∞ − ∞) is said in words, never shown as NaN. */
export const showWeight = (v: number) => (Number.isNaN(v) ? 'overflow' : formatNumber(v));

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * What the race has to say: each racer that stopped (a warning) or reached the optimum (only without a penalty,
 * whose optimum is elsewhere), and whether the whole race is over.
 */
export function raceMessages(
  runs: readonly { racer: Racer; run: OptimizerRun }[],
  { penalty, limit, iterations, active }: { penalty: number; limit: number; iterations: number; active: boolean },
): RaceMessage[] {
  const messages: RaceMessage[] = [];
  for (const { racer, run } of runs) {
    if (run.stopped === 'escaped') {
      messages.push({
        severity: 'warning',
        text:
          `${racer.label} stopped after ${plural(run.iteration, 'iteration')}: its weights jumped to (w_x, w_rec) = ` +
          `(${showWeight(run.w.wX)}, ${showWeight(run.w.wRec)}), beyond ±${ESCAPE_BOUND}, far off the chart.`,
      });
    } else if (run.stopped === 'overflow') {
      messages.push({
        severity: 'warning',
        text: `${racer.label} stopped after ${plural(run.iteration, 'iteration')}: its weights or its loss overflowed (too large to represent).`,
      });
    }
    if (run.reached && penalty === 0) {
      messages.push({
        severity: 'info',
        text:
          `${racer.label} reached (w_x, w_rec) = (${formatNumber(run.reached.w.wX)}, ${formatNumber(run.reached.w.wRec)}) ` +
          `after ${plural(run.reached.iteration, 'iteration')}, within ${formatNumber(REACH_DISTANCE)} of the optimum.`,
      });
    }
  }
  if (!active) {
    messages.push({
      severity: 'info',
      text: iterations >= limit ? `All ${limit} iterations done: Reset to run again.` : 'Every optimizer has stopped: Reset to run again.',
    });
  }
  return messages;
}
