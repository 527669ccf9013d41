import {
  COUNTING_DATASET_DEFAULTS,
  GRADIENT_DESCENT_DEFAULTS,
  MOMENTUM_DEFAULTS,
  RPROP_DEFAULTS,
  type Objective,
} from '~/core';
import { binarySequence, boundedInteger, boundedNumber, oneOf, type Field } from './fields.ts';
import type { Schema } from './url-codec.ts';

/** The range every weight slider and URL value is held to. */
export const WEIGHT_RANGE = { min: -3, max: 3 } as const;

/** The notebook state of a page: the variables its cells share, and the keys of its URL. */
export interface NotebookState {
  /** The input sequence x_1..x_n (x[k-1] = x_k). */
  x: number[];
  wRec: number;
  wX: number;
  objective: Objective;
  /** The step k a stepper shows; null means n (the last step). */
  step: number | null;
  /** Training data (chapter 6): the seed, number and length of the counting sequences. */
  seed: number;
  count: number;
  length: number;
  /** Where training starts. */
  startWRec: number;
  startWX: number;
  /** Gradient descent's learning rate. */
  lr: number;
  /** Momentum's learning rate and momentum coefficient. */
  mLr: number;
  beta: number;
  /** Rprop's step growth and shrink factors and its initial step. */
  etaPlus: number;
  etaMinus: number;
  step0: number;
  /** Chapter 7: the sequence length of the gradient-flow cell. */
  n: number;
  /** L2 penalty λ (0 = none). */
  lambda: number;
  /** Gradient-norm clipping threshold (0 = off). */
  clip: number;
  /** Truncation window τ of truncated BPTT (0 = full BPTT). */
  tau: number;
  /** LSTM cell: the forget gate's constant value f. */
  forget: number;
}

const stepField: Field<number | null> = {
  parse: (raw) => boundedInteger(1, 1000).parse(raw),
  encode: (value) => (value === null ? '' : String(value)),
};

/** How each key of the notebook state is read from and written to the URL. */
export const notebookSchema: Schema<NotebookState> = {
  x: binarySequence(),
  wRec: boundedNumber(WEIGHT_RANGE.min, WEIGHT_RANGE.max),
  wX: boundedNumber(WEIGHT_RANGE.min, WEIGHT_RANGE.max),
  objective: oneOf(['final', 'every-step'] as const),
  step: stepField,
  seed: boundedInteger(1, 1_000_000),
  count: boundedInteger(1, 200),
  length: boundedInteger(1, 50),
  startWRec: boundedNumber(WEIGHT_RANGE.min, WEIGHT_RANGE.max),
  startWX: boundedNumber(WEIGHT_RANGE.min, WEIGHT_RANGE.max),
  lr: boundedNumber(1e-6, 1),
  mLr: boundedNumber(1e-6, 1),
  beta: boundedNumber(0, 0.99),
  etaPlus: boundedNumber(1.01, 3),
  etaMinus: boundedNumber(0.01, 0.99),
  step0: boundedNumber(1e-6, 1),
  n: boundedInteger(1, 1000),
  lambda: boundedNumber(0, 10),
  clip: boundedNumber(0, 1000),
  tau: boundedInteger(0, 1000),
  forget: boundedNumber(0, 1),
};

/** The seed article's sequence: eight zeros and five ones, so the count is 5. */
export const SEED_SEQUENCE = [0, 1, 1, 0, 0, 0, 0, 1, 0, 0, 1, 1];

/** The defaults a page gets unless its frontmatter declares others. */
export const siteDefaults: NotebookState = {
  x: SEED_SEQUENCE,
  wRec: 1,
  wX: 1,
  objective: 'final',
  step: null,
  seed: COUNTING_DATASET_DEFAULTS.seed,
  count: COUNTING_DATASET_DEFAULTS.count,
  length: COUNTING_DATASET_DEFAULTS.length,
  startWRec: 2,
  startWX: -1.5,
  lr: GRADIENT_DESCENT_DEFAULTS.learningRate,
  mLr: MOMENTUM_DEFAULTS.learningRate,
  beta: MOMENTUM_DEFAULTS.momentum,
  etaPlus: RPROP_DEFAULTS.etaPlus,
  etaMinus: RPROP_DEFAULTS.etaMinus,
  step0: RPROP_DEFAULTS.initialStep,
  n: 50,
  lambda: 0,
  clip: 0,
  tau: 0,
  forget: 0.9,
};

/** The defaults a page declares in its frontmatter's `notebook` field: any subset of the keys, as URL text or numbers. */
export type DeclaredDefaults = Partial<Record<keyof NotebookState, string | number>>;

/** A page's declared defaults laid over the site's. */
export function pageDefaults(declared: DeclaredDefaults = {}): NotebookState {
  const merged = { ...siteDefaults };
  for (const key of Object.keys(notebookSchema) as (keyof NotebookState)[]) {
    const value = declared[key];
    if (value === undefined) continue;
    // Frontmatter is authored text: read it with the same fields as the URL, but fail loudly at build time.
    const raw = String(value);
    (merged as Record<string, unknown>)[key] = notebookSchema[key].parse(raw);
  }
  return merged;
}
