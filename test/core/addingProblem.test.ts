import fc from 'fast-check';
import { randomLcg } from 'd3-random';
import { describe, expect, it } from 'vitest';
import { ADDING_MAX_STEPS, addingProblem, type AddingBatch } from '~/core/addingProblem.ts';
import { addingProblemInto } from '~/core/addingProblemInto.ts';

/** A generator that returns the given numbers in turn. */
function sequenceOf(values: number[]): () => number {
  let i = 0;
  return () => values[i++];
}

/** The steps (1-based) whose marker is not 0, of sequence b. */
function markedSteps(batch: AddingBatch, b: number): number[] {
  const steps: number[] = [];
  for (let k = 1; k <= batch.T; k++) if (batch.x[b][k - 1][1] !== 0) steps.push(k);
  return steps;
}

describe('addingProblem', () => {
  it('addingProblem({T: 4, B: 1, random}) lays out the hand-drawn sequence u = (0.1, 0.2, 0.3, 0.4), markers at 2 and 3', () => {
    // draws: u_1..u_4, then the first marker 1 + ⌊0.6 · 2⌋ = 2, then the second 2 + 1 + ⌊0.1 · 2⌋ = 3; t = u_2 + u_3
    const batch = addingProblem({ T: 4, B: 1, random: sequenceOf([0.1, 0.2, 0.3, 0.4, 0.6, 0.1]) });
    expect(Array.from(batch.inputs)).toEqual([0.1, 0, 0.2, 1, 0.3, 1, 0.4, 0]);
    expect(Array.from(batch.t)).toEqual([0.2 + 0.3]);
    expect(batch.x[0].map((xk) => Array.from(xk))).toEqual([
      [0.1, 0],
      [0.2, 1],
      [0.3, 1],
      [0.4, 0],
    ]);
    expect([batch.T, batch.B]).toEqual([4, 1]);
  });

  it('addingProblem(...) has exactly two markers, one in each half, numbers in [0, 1) and t = the sum of the marked numbers (fast-check, exact)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 60 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 1e6 }), (T, B, seed) => {
        const batch = addingProblem({ T, B, seed });
        const half = Math.floor(T / 2);
        for (let b = 0; b < B; b++) {
          const marked = markedSteps(batch, b);
          expect(marked.length).toBe(2);
          expect(marked[0]).toBeGreaterThanOrEqual(1);
          expect(marked[0]).toBeLessThanOrEqual(half);
          expect(marked[1]).toBeGreaterThan(half);
          expect(marked[1]).toBeLessThanOrEqual(T);
          for (const xk of batch.x[b]) {
            expect(xk[0] >= 0 && xk[0] < 1).toBe(true);
            expect(xk[1] === 0 || xk[1] === 1).toBe(true);
          }
          // the target is the sum of the two marked numbers, computed the same way: exactly equal
          expect(batch.t[b]).toBe(batch.x[b][marked[0] - 1][0] + batch.x[b][marked[1] - 1][0]);
        }
      }),
      { seed: 7, numRuns: 100 },
    );
  });

  it('addingProblem x[b][k − 1] are views into inputs at (b·T + k − 1)·2', () => {
    const batch = addingProblem({ T: 5, B: 3, seed: 2 });
    batch.inputs[(2 * 5 + 3) * 2 + 1] = 42;
    expect(batch.x[2][3][1]).toBe(42);
  });

  it('addingProblem with the same seed is identical, another seed is not', () => {
    const a = addingProblem({ T: 10, B: 4, seed: 3 });
    expect(addingProblem({ T: 10, B: 4, seed: 3 }).inputs).toEqual(a.inputs);
    expect(addingProblem({ T: 10, B: 4, seed: 4 }).inputs).not.toEqual(a.inputs);
  });

  it('addingProblemInto continues the stream: B = 2 then a refill equal sequences 1-2 and 3-4 of one B = 4 draw', () => {
    const random = randomLcg(11);
    const first = addingProblem({ T: 7, B: 2, random });
    const firstInputs = first.inputs.slice();
    const firstT = first.t.slice();
    addingProblemInto(first, random);
    const all = addingProblem({ T: 7, B: 4, seed: 11 });
    expect(firstInputs).toEqual(all.inputs.subarray(0, 28));
    expect(firstT).toEqual(all.t.subarray(0, 2));
    expect(first.inputs).toEqual(all.inputs.subarray(28));
    expect(first.t).toEqual(all.t.subarray(2));
  });

  it('addingProblem matches the closed forms: E[t] = 1, Var[t] = 1/6, and uniform marker positions (100,000 sequences, seed 1)', () => {
    const T = 6;
    const batch = addingProblem({ T, B: 100_000, seed: 1 });
    let sum = 0;
    let sumSq = 0;
    const firstAt = [0, 0, 0, 0, 0, 0, 0];
    const secondAt = [0, 0, 0, 0, 0, 0, 0];
    for (let b = 0; b < batch.B; b++) {
      sum += batch.t[b];
      sumSq += batch.t[b] * batch.t[b];
      const [first, second] = markedSteps(batch, b);
      firstAt[first] += 1;
      secondAt[second] += 1;
    }
    const mean = sum / batch.B;
    const variance = sumSq / batch.B - mean * mean;
    // standard errors: √(1/6 / 1e5) ≈ 0.0013 for the mean, ≈ 0.0006 for the variance; tolerances are ~4 of them
    expect(Math.abs(mean - 1)).toBeLessThan(0.005);
    expect(Math.abs(variance - 1 / 6)).toBeLessThan(0.0025);
    // each of the 3 positions per half has probability 1/3: counts 33,333 ± 149 (one standard deviation); allow 4σ
    for (const k of [1, 2, 3]) expect(Math.abs(firstAt[k] - batch.B / 3)).toBeLessThan(600);
    for (const k of [4, 5, 6]) expect(Math.abs(secondAt[k] - batch.B / 3)).toBeLessThan(600);
  });

  it.each([
    // a sequence of one step cannot hold two markers
    ['T = 1', () => addingProblem({ T: 1, B: 1, seed: 1 }), `T must be an integer from 2 to ${ADDING_MAX_STEPS}, got 1`],
    // fractional length
    ['T = 2.5', () => addingProblem({ T: 2.5, B: 1, seed: 1 }), `T must be an integer from 2 to ${ADDING_MAX_STEPS}, got 2.5`],
    // an empty batch
    ['B = 0', () => addingProblem({ T: 5, B: 0, seed: 1 }), `B must be an integer from 1 to ${ADDING_MAX_STEPS}, got 0`],
    // too many steps in all
    ['B · T too large', () => addingProblem({ T: 1000, B: 1001, seed: 1 }), `B · T must be at most ${ADDING_MAX_STEPS} steps, got B = 1001, T = 1000`],
    // no seed: runs must be reproducible
    ['seed NaN', () => addingProblem({ T: 5, B: 1, seed: NaN }), 'seed must be a finite number, got NaN'],
    // a generator that is not a function
    ['random 3', () => addingProblem({ T: 5, B: 1, random: 3 as never }), 'random must be a function returning numbers in [0, 1), got 3'],
  ])('%s throws RangeError', (_name, call, message) => {
    expect(call).toThrow(RangeError);
    expect(call).toThrow(message);
  });
});
