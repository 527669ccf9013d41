import type { AdamConfig } from './adamOptimizer.ts';
import { adamOptimizer } from './adamOptimizer.ts';
import type { GradientDescentConfig } from './gradientDescent.ts';
import { gradientDescent } from './gradientDescent.ts';
import type { MomentumConfig } from './momentum.ts';
import { momentum } from './momentum.ts';
import type { Optimizer } from './optimizer.ts';
import type { RpropConfig } from './rprop.ts';
import { rprop } from './rprop.ts';
import { ADAM_DEFAULTS, GRADIENT_DESCENT_DEFAULTS, MOMENTUM_DEFAULTS, RPROP_DEFAULTS } from './optimizerDefaults.ts';

/** The hyper-parameters of a configuration type C: its fields other than `kind`. */
export type HyperParameterName<C> = Exclude<keyof C, 'kind'> & string;

/** One registered optimizer: how to build it, and every hyper-parameter it takes with its default value. */
export interface OptimizerEntry<C extends { readonly kind: string }> {
  /** A fresh optimizer (its own state) for a configuration of this kind; bad hyper-parameters throw a RangeError. */
  readonly create: (config: C) => Optimizer;
  /** Each hyper-parameter name of C (the keys, in display order) with the value used when C leaves it out. */
  readonly defaults: { readonly [K in HyperParameterName<C>]-?: number };
}

/**
 * The counting network's optimizers, keyed by `kind`. Adding one is a core file with its config type, defaults and
 * create function, plus one entry here: createOptimizer, OptimizerConfig and OPTIMIZER_KINDS follow.
 */
export const OPTIMIZERS = {
  gd: { create: gradientDescent, defaults: GRADIENT_DESCENT_DEFAULTS } satisfies OptimizerEntry<GradientDescentConfig>,
  momentum: { create: momentum, defaults: MOMENTUM_DEFAULTS } satisfies OptimizerEntry<MomentumConfig>,
  rprop: { create: rprop, defaults: RPROP_DEFAULTS } satisfies OptimizerEntry<RpropConfig>,
  adam: { create: adamOptimizer, defaults: ADAM_DEFAULTS } satisfies OptimizerEntry<AdamConfig>,
} as const;

/** The kinds of optimizer: 'gd' | 'momentum' | 'rprop' | 'adam'. */
export type OptimizerKind = keyof typeof OPTIMIZERS;

/** The registered kinds, in registry order. */
export const OPTIMIZER_KINDS = /* @__PURE__ */ Object.keys(OPTIMIZERS) as readonly OptimizerKind[];
