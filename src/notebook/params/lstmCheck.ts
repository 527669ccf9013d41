import { integerParam } from '../param.ts';

// The LSTM gradient check's parameters: the sequence length, the number of cell units and the seed (chapter 8).

/** The length T of the gradient check's adding-problem sequence (chapter 8). */
export const checkT = integerParam({ key: 'checkT', label: 'Sequence length', symbol: { base: 'T' }, name: 'sequence length T', min: 2, max: 8, initial: 6, control: 'slider' });
/** The number H of the checked LSTM's cell units (chapter 8). */
export const checkH = integerParam({ key: 'checkH', label: 'Cell units', symbol: { base: 'H' }, name: 'cell units H', min: 1, max: 4, initial: 2, control: 'slider' });
/** The seed of the checked LSTM's weights, its sequence and the sample of weights checked (chapter 8). */
export const checkSeed = integerParam({ key: 'checkSeed', label: 'Seed', symbol: { base: '' }, name: 'check seed', min: 1, max: 1_000_000, initial: 1 });
