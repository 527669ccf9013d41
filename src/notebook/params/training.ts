import { COUNTING_DATASET_DEFAULTS } from '~/core/countingDatasetDefaults.ts';
import { GRADIENT_DESCENT_DEFAULTS } from '~/core/optimizerDefaults.ts';
import { integerParam, realParam } from '../param.ts';
import { PAGE_SEQUENCE_LIMIT, weight } from './model.ts';

// The parameters of training and its remedies: the data set, the learning rate, the penalty, clipping,
// truncation and the gradient-flow cells' length and forget gate (chapters 6–7).

/** Where training starts (chapter 6), w_rec and w_x. */
export const startWRec = weight('startWRec', { base: 'w', sub: 'rec' }, 'start w rec', 2, 'start');
export const startWX = weight('startWX', { base: 'w', sub: 'x' }, 'start w x', -1.5, 'start');

/** The counting data set's seed, number of sequences N and length n (chapter 6). */
export const seed = integerParam({ key: 'seed', label: 'Seed', symbol: { base: '' }, name: 'seed', min: 1, max: 1_000_000, initial: COUNTING_DATASET_DEFAULTS.seed });
export const count = integerParam({ key: 'count', label: 'Sequences', symbol: { base: 'N' }, name: 'N', min: 1, max: 200, initial: COUNTING_DATASET_DEFAULTS.count });
export const length = integerParam({ key: 'length', label: 'Length', symbol: { base: 'n' }, name: 'n', min: 1, max: 50, initial: COUNTING_DATASET_DEFAULTS.length });

/** Gradient descent's learning rate η: the training race's, and the clipping cell's (chapter 7). */
export const lr = realParam({ key: 'lr', core: 'learningRate', label: 'learning rate', symbol: { base: 'η' }, name: 'η', min: 1e-6, max: 1, initial: GRADIENT_DESCENT_DEFAULTS.learningRate });

/** The L2 penalty λ (0 = none), the core's `penalty`. */
export const lambda = realParam({ key: 'lambda', core: 'penalty', label: 'L2 penalty', symbol: { base: 'λ' }, name: 'penalty lambda', min: 0, max: 10, initial: 0 });
/** The gradient-norm clipping threshold θ (0 = off), the core's `clipNorm`. */
export const clip = realParam({ key: 'clip', core: 'clipNorm', label: 'clip the gradient norm at', symbol: { base: 'θ' }, name: 'θ', min: 0, max: 1000, initial: 0, hint: '0 = off, up to 1000' });
/** The truncation window τ of truncated BPTT (0 = full BPTT), the core's `truncate`. */
export const tau = integerParam({ key: 'tau', core: 'truncate', label: 'window', symbol: { base: 'τ' }, name: 'truncation window tau', min: 0, max: PAGE_SEQUENCE_LIMIT, initial: 0, hint: '0 = full BPTT', control: 'slider' });

/** The sequence length n of the gradient-flow cells (chapter 7). */
export const n = integerParam({ key: 'n', label: 'Sequence length', symbol: { base: 'n' }, name: 'n', min: 1, max: PAGE_SEQUENCE_LIMIT, initial: 50 });
/** The LSTM cell's constant forget gate f (chapter 7). */
export const forget = realParam({ key: 'forget', label: 'forget gate', symbol: { base: 'f' }, name: 'forget gate f', min: 0, max: 1, initial: 0.9, control: 'slider' });
