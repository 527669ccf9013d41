import { describe, expect, it } from 'vitest';
import type { OptimizerConfig } from '~/core';
import { createOptimizer, OPTIMIZER_KINDS } from '~/core';

const anything = <T>(v: unknown) => v as T;

describe('createOptimizer', () => {
  it.each(OPTIMIZER_KINDS)("createOptimizer({ kind: '%s' }) builds a fresh optimizer each call (states are not shared)", (kind) => {
    const config = anything<OptimizerConfig>({ kind });
    const a = createOptimizer(config);
    const w = a.step({ wRec: 1, wX: 1 }, 1, -1);
    a.step(w, 1, -1);
    expect(createOptimizer(config).step({ wRec: 1, wX: 1 }, 1, -1)).toEqual(w);
  });

  it.each([
    // a misspelt or unknown kind
    [{ kind: 'sgd' }, `optimizer.kind must be 'gd', 'momentum', 'rprop' or 'adam', got "sgd"`],
    // a key every object has is still not a kind
    [{ kind: 'toString' }, `optimizer.kind must be 'gd', 'momentum', 'rprop' or 'adam', got "toString"`],
    // no kind at all
    [{}, `optimizer.kind must be 'gd', 'momentum', 'rprop' or 'adam', got undefined`],
    // not an object
    [null, 'optimizer must be an object with a kind, got null'],
  ])('createOptimizer(%j) throws a RangeError listing the known kinds', (config, message) => {
    expect(() => createOptimizer(anything<OptimizerConfig>(config))).toThrow(new RangeError(message));
  });
});
