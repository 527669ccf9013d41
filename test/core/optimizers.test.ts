import { describe, expect, it } from 'vitest';
import type { OptimizerConfig, OptimizerKind, Weights } from '~/core';
import {
  ADAM_DEFAULTS,
  adamOptimizer,
  createOptimizer,
  GRADIENT_DESCENT_DEFAULTS,
  gradientDescent,
  MOMENTUM_DEFAULTS,
  momentum,
  OPTIMIZER_KINDS,
  OPTIMIZERS,
  RPROP_DEFAULTS,
  rprop,
} from '~/core';

/** Five updates of a fresh optimizer from (0.5, −0.5) on a fixed list of gradients (sign changes included). */
function path(config: OptimizerConfig): Weights[] {
  const opt = createOptimizer(config);
  const ws: Weights[] = [];
  let w = { wRec: 0.5, wX: -0.5 };
  for (const [dWRec, dWX] of [[2, -1], [1, -0.5], [-1, 0.25], [0.5, 0.5], [3, -2]]) {
    w = opt.step(w, dWRec, dWX);
    ws.push(w);
  }
  return ws;
}

describe('OPTIMIZERS', () => {
  it('OPTIMIZERS registers gd, momentum, rprop and adam, in that order, with their create functions and defaults', () => {
    expect(OPTIMIZER_KINDS).toEqual(['gd', 'momentum', 'rprop', 'adam']);
    expect(Object.keys(OPTIMIZERS)).toEqual(OPTIMIZER_KINDS);
    expect(OPTIMIZERS.gd).toEqual({ create: gradientDescent, defaults: GRADIENT_DESCENT_DEFAULTS });
    expect(OPTIMIZERS.momentum).toEqual({ create: momentum, defaults: MOMENTUM_DEFAULTS });
    expect(OPTIMIZERS.rprop).toEqual({ create: rprop, defaults: RPROP_DEFAULTS });
    expect(OPTIMIZERS.adam).toEqual({ create: adamOptimizer, defaults: ADAM_DEFAULTS });
  });

  it.each(OPTIMIZER_KINDS)("OPTIMIZERS.%s.defaults are the values used when a configuration leaves them out", (kind) => {
    const { defaults } = OPTIMIZERS[kind];
    expect(path({ kind, ...defaults } as OptimizerConfig)).toEqual(path({ kind } as OptimizerConfig));
  });

  it.each(OPTIMIZER_KINDS.flatMap((kind) => Object.keys(OPTIMIZERS[kind].defaults).map((name) => [kind, name] as const)))(
    'OPTIMIZERS.%s takes the hyper-parameter %s: a NaN there throws a RangeError naming optimizer.%s',
    (kind: OptimizerKind, name: string) => {
      expect(() => createOptimizer({ kind, [name]: NaN } as OptimizerConfig)).toThrow(RangeError);
      expect(() => createOptimizer({ kind, [name]: NaN } as OptimizerConfig)).toThrow(`optimizer.${name} must be`);
    },
  );
});
