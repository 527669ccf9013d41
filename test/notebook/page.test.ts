import { describe, expect, it } from 'vitest';
import { normalise } from '~/notebook/normalise.ts';
import { PARAMS } from '~/notebook/params.ts';
import { SEED_SEQUENCE } from '~/notebook/params/model.ts';
import { buildPageNotebook } from '~/site/page-notebook.ts';

describe('buildPageNotebook(cellKeys, declared, file)', () => {
  it('carries how each key is read, and old names only where the page does not use them itself', () => {
    const page = buildPageNotebook(['x', 'bpttStep']);
    expect(page.fields).toEqual({ x: ['sequence', 1000], bpttStep: ['step', 1000] });
    expect(page.aliases).toEqual({ bpttStep: ['step'] });
    expect(buildPageNotebook(['x', 'step', 'bpttStep']).aliases).toEqual({});
  });

  it('holds the keys its cells read, in declaration order, at their defaults', () => {
    const page = buildPageNotebook(['wX', 'x', 'wRec', 'wX']);
    expect(page.keys).toEqual(['x', 'wRec', 'wX']);
    expect(page.defaults).toEqual({ x: SEED_SEQUENCE, wRec: PARAMS.wRec.initial, wX: PARAMS.wX.initial });
  });

  it('reads the frontmatter with each parameter\'s own field (URL text or numbers)', () => {
    const page = buildPageNotebook(['x', 'wRec', 'objective'], { x: '1101', wRec: 0.5, objective: 'every-step' });
    expect(page.defaults).toEqual({ x: [1, 1, 0, 1], wRec: 0.5, objective: 'every-step' });
  });

  it.each([
    // a misspelled key
    [{ wRex: 1 }, /03-the-model\.mdx.*"wRex" is not a notebook parameter/],
    // a parameter no cell on the page reads
    [{ lambda: 1 }, /03-the-model\.mdx.*"lambda" is read by no cell on this page \(its cells read: x, wRec, wX\)/],
    // out of range
    [{ wRec: 9 }, /03-the-model\.mdx.*"wRec" must be between −3 and 3, got 9/],
    // not a number
    [{ wX: 'fast' }, /"wX" must be a decimal number such as 0.5, -2 or 1e-3, got "fast"/],
  ])('throws naming the file and the key for %j', (declared, message) => {
    expect(() => buildPageNotebook(['x', 'wRec', 'wX'], declared, 'content/chapters/03-the-model.mdx')).toThrow(message);
  });

  it('normalises what the frontmatter declares: a step past n is the last step', () => {
    expect(buildPageNotebook(['x', 'step'], { x: '101', step: 5 }).defaults.step).toBe(3);
    expect(buildPageNotebook(['x', 'step'], { x: '101', step: 2 }).defaults.step).toBe(2);
  });
});

describe('normalise(state, keys)', () => {
  it.each([
    // within 1..n: kept, n itself included
    [[1, 0, 1], 2, 2],
    [[1, 0, 1], 3, 3],
    // past n: the last step, n
    [[1, 0, 1], 4, 3],
    // null already means n
    [[1, 0, 1], null, null],
  ])('x = %j, step %j → %j (forward and backward steppers alike)', (x, step, expected) => {
    expect(normalise({ x, step, bpttStep: step }, buildPageNotebook(['x', 'step', 'bpttStep']))).toEqual({ x, step: expected, bpttStep: expected });
  });

  it('returns the same object when nothing changes', () => {
    const state = { x: [1, 1], step: 1 };
    expect(normalise(state, buildPageNotebook(['x', 'step']))).toBe(state);
  });
});
