import { describe, expect, it } from 'vitest';
import { median, summarizeRuns } from '../../scripts/lighthouse-runs.ts';

const run = (performance: number, lcp: number, tbt = 0, id = '') => ({ id, scores: { performance, seo: 1 }, fcp: lcp - 150, lcp, tbt, cls: 0 });

describe('summarizeRuns', () => {
  it('takes the median of odd and even counts, and refuses none', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
    expect(() => median([])).toThrow(/no values/);
    expect(() => summarizeRuns([])).toThrow(/no runs/);
  });

  it("compares LCP by its own median, not by the LCP of whichever run's score is the median", () => {
    // The peer in one run: its slow runs score 0.995, its fast one 0.999; sorted by score, the middle run is a slow
    // one or the fast one depending on how ties and rounding fall. Its LCP median is the slow mode, 1.66 s, either way.
    const peer = [run(0.999, 1060, 0, 'fast'), run(0.995, 1660, 0, 'slow-1'), run(0.995, 1660, 0, 'slow-2')];
    const summary = summarizeRuns(peer);
    expect(summary.lcp).toBe(1660);
    expect(summary.lcpRun.lcp).toBe(1660);
    expect(summary.scores.performance).toBe(0.995);
    expect(summarizeRuns([...peer].reverse()).lcp).toBe(1660);
  });

  it('takes each metric on its own, and keeps the run whose LCP is the median for its requests', () => {
    const summary = summarizeRuns([run(1, 1200, 80, 'a'), run(0.99, 1350, 10, 'b'), run(1, 1050, 30, 'c')]);
    expect(summary).toMatchObject({ lcp: 1200, fcp: 1050, tbt: 30, cls: 0, scores: { performance: 1, seo: 1 } });
    expect(summary.lcpRun.id).toBe('a');
  });
});
