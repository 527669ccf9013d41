import { describe, expect, it } from 'vitest';
import { sequenceTargets } from '~/core/sequenceTargets.ts';

describe('sequenceTargets', () => {
  it('gives n and the counting targets t_k = x_1 + … + x_k when no targets are given', () => {
    const { n, targets } = sequenceTargets([0, 1, 1, 0, 1], { wRec: 1, wX: 1 }, 'final');
    expect(n).toBe(5);
    expect(Array.from(targets)).toEqual([0, 0, 1, 2, 2, 3]);
  });

  it('copies given targets', () => {
    const t = [0, 5, 6];
    const { targets } = sequenceTargets([1, 1], { wRec: 1, wX: 1 }, 'every-step', t);
    expect(Array.from(targets)).toEqual(t);
    expect(targets).not.toBe(t);
  });

  it('refuses each bad argument with the message the gradients give', () => {
    const w = { wRec: 1, wX: 1 };
    expect(() => sequenceTargets([], w, 'final')).toThrow(/at least 1 step/);
    expect(() => sequenceTargets([1, Number.NaN], w, 'final')).toThrow(/x\[1\]/);
    expect(() => sequenceTargets([1, Number.NaN], w, 'final', [0, 1, 2])).toThrow(/x\[1\]/);
    expect(() => sequenceTargets([1], { wRec: Number.NaN, wX: 1 }, 'final')).toThrow(/wRec/);
    expect(() => sequenceTargets([1], w, 'sometimes' as 'final')).toThrow(/objective/);
    expect(() => sequenceTargets([1, 1], w, 'final', [0, 1])).toThrow(/t must have length n \+ 1 = 3/);
  });
});
