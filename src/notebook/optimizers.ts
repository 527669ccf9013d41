import type { OptimizerConfig } from '~/core/createOptimizer.ts';
import { ADAM_DEFAULTS, MOMENTUM_DEFAULTS, RPROP_DEFAULTS } from '~/core/optimizerDefaults.ts';
import { realParam, type Param } from './param.ts';
import { lr } from './params/training.ts';

/**
 * One optimizer of the training chapter's race, declared once: from this entry come its racer, its legend and table
 * row, its settings form, its URL keys and its validation messages. Each parameter's `core` name is the field of the
 * core's optimizer config it fills. Adding an optimizer is its core file plus one entry here.
 */
export interface Racer {
  /** The core's `kind`, also the racer's `data-optimizer`. */
  readonly kind: OptimizerConfig['kind'];
  /** Its name in the settings, the messages and the table. */
  readonly label: string;
  /** Its name in the chart's legend. */
  readonly legend: string;
  /** Its line: a colour from the palette and an optional dash pattern. */
  readonly color: string;
  readonly dash?: string;
  /** Its hyper-parameters, in the order the settings form shows them. */
  readonly params: readonly Param<number>[];
}

/** The racers, in the order they are drawn, listed and described. */
export const RACERS = [
  {
    kind: 'gd',
    label: 'Gradient descent',
    legend: 'GD',
    color: 'var(--c2)',
    params: [
      lr,
    ],
  },
  {
    kind: 'momentum',
    label: 'Momentum',
    legend: 'Momentum',
    color: 'var(--c4)',
    dash: '7 4',
    params: [
      realParam({ key: 'mLr', core: 'learningRate', label: 'learning rate', symbol: { base: 'η' }, name: 'η', min: 1e-6, max: 1, initial: MOMENTUM_DEFAULTS.learningRate }),
      realParam({ key: 'beta', core: 'momentum', label: 'momentum', symbol: { base: 'μ' }, name: 'μ', min: 0, max: 0.99, initial: MOMENTUM_DEFAULTS.momentum }),
    ],
  },
  {
    kind: 'rprop',
    label: 'Rprop',
    legend: 'Rprop',
    color: 'var(--c1)',
    dash: '1 4',
    params: [
      realParam({ key: 'etaPlus', core: 'etaPlus', label: 'growth', symbol: { base: 'η⁺' }, name: 'η⁺', min: 1.01, max: 3, initial: RPROP_DEFAULTS.etaPlus }),
      realParam({ key: 'etaMinus', core: 'etaMinus', label: 'shrink', symbol: { base: 'η⁻' }, name: 'η⁻', min: 0.01, max: 0.99, initial: RPROP_DEFAULTS.etaMinus }),
      realParam({ key: 'step0', core: 'initialStep', label: 'first step', symbol: { base: 'Δ₀' }, name: 'Δ₀', min: 1e-6, max: 1, initial: RPROP_DEFAULTS.initialStep }),
    ],
  },
  {
    kind: 'adam',
    label: 'Adam',
    legend: 'Adam',
    color: 'var(--c3)',
    dash: '10 3 2 3',
    params: [
      realParam({ key: 'adamLr', core: 'learningRate', label: 'learning rate', symbol: { base: 'η' }, name: 'η', min: 1e-6, max: 1, initial: ADAM_DEFAULTS.learningRate }),
      realParam({ key: 'adamBeta1', core: 'beta1', label: 'first-moment decay', symbol: { base: 'β₁' }, name: 'β₁', min: 0, max: 0.999, initial: ADAM_DEFAULTS.beta1 }),
      realParam({ key: 'adamBeta2', core: 'beta2', label: 'second-moment decay', symbol: { base: 'β₂' }, name: 'β₂', min: 0, max: 0.9999, initial: ADAM_DEFAULTS.beta2 }),
    ],
  },
] as const;

// Checked here rather than with `satisfies`, which would widen each key to string.
RACERS satisfies readonly Racer[];

/** The URL keys of every racer's hyper-parameters. */
export type RacerParamKey = (typeof RACERS)[number]['params'][number]['key'];

/** The core's config for a racer, its hyper-parameters read from the page state by their keys. */
export function racerConfig(racer: Racer, state: Readonly<Record<string, unknown>>): OptimizerConfig {
  const config: Record<string, unknown> = { kind: racer.kind };
  for (const param of racer.params) config[param.core] = state[param.key];
  return config as unknown as OptimizerConfig;
}
