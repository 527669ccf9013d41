import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { encodeSentence } from '~/core/lm/dictionary';
import { lmGradientCheck } from '~/core/lm/gradientCheck';
import { deserializeParams } from '~/core/lm/serialize';

/** Which weight array's BPTT gradient the mocked backward pass gets wrong (none while null). */
const wrong = vi.hoisted(() => ({ matrix: null as null | 'wRec' | 'wX' | 'b' | 'wY' | 'bY' }));

// The backward pass with one array's gradient scaled by 1.001 (a 0.1 % mistake), when asked.
vi.mock('~/core/lm/backward', async (importOriginal) => {
  const original = await importOriginal<typeof import('~/core/lm/backward')>();
  return {
    ...original,
    lmGradients: (...args: Parameters<typeof original.lmGradients>) => {
      const result = original.lmGradients(...args);
      if (wrong.matrix !== null) result.grads[wrong.matrix].forEach((g, i, a) => (a[i] = g * 1.001));
      return result;
    },
  };
});

const weightsPath = fileURLToPath(new URL('../../../public/data/lm-weights.json', import.meta.url));
const { params, dict } = deserializeParams(JSON.parse(readFileSync(weightsPath, 'utf8')));
const tokens = encodeSentence(dict, 'she likes french toast with butter').indices;

describe('lmGradientCheck with a wrong backward pass', () => {
  it('passes with the real gradient (the mock changes nothing until asked)', () => {
    wrong.matrix = null;
    expect(lmGradientCheck(params, tokens, { seed: 2 }).worst.relativeError).toBeLessThanOrEqual(1e-6);
  });

  it.each([['wRec' as const], ['wX' as const], ['b' as const], ['wY' as const], ['bY' as const]])(
    'catches a gradient of %s off by 0.1 %%: the worst row is in that array, with relative error > 1e-6',
    (matrix) => {
      wrong.matrix = matrix;
      try {
        const check = lmGradientCheck(params, tokens, { seed: 2, perMatrix: 6 });
        expect(check.worst.matrix).toBe(matrix);
        expect(check.worst.relativeError).toBeGreaterThan(1e-6);
      } finally {
        wrong.matrix = null;
      }
    },
  );
});
