/**
 * The figures `npm run lighthouse` reports for a page measured several times: each metric's own median. Lighthouse's
 * simulated LCP has two modes on some pages (the peer's is 1.05 s in some runs and 1.65 s in others, by whether its
 * fonts finished before its first paint in the fast local load), and the run with the median performance score can be
 * either: scores that round to 1.00 tie, and a tie picks a run by its order. A metric's median does not depend on that.
 */

/** What one run gives that the summary reads. */
export interface RunFigures {
  scores: Record<string, number>;
  fcp: number;
  lcp: number;
  tbt: number;
  cls: number;
}

/** The middle value, or the mean of the two middle ones for an even count. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('the median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Each score and metric as its median over the runs. `lcpRun` is the run whose LCP is the median one (for an even count,
 * the later of the two middle ones), whose requests explain that LCP.
 */
export function summarizeRuns<R extends RunFigures>(runs: readonly R[]): RunFigures & { lcpRun: R } {
  if (runs.length === 0) throw new Error('no runs to summarize');
  const scores = Object.fromEntries(Object.keys(runs[0].scores).map((key) => [key, median(runs.map((run) => run.scores[key]))]));
  const byLcp = [...runs].sort((a, b) => a.lcp - b.lcp);
  return {
    scores,
    fcp: median(runs.map((run) => run.fcp)),
    lcp: median(runs.map((run) => run.lcp)),
    tbt: median(runs.map((run) => run.tbt)),
    cls: median(runs.map((run) => run.cls)),
    lcpRun: byLcp[Math.floor(byLcp.length / 2)],
  };
}
