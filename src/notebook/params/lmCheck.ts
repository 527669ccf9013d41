import { integerParam } from '../param.ts';

// The next-word gradient check's parameter: the seed of the sample of weights it checks (chapter 9).

/** The seed of the sample of weights the next-word gradient check compares (chapter 9). */
export const lmCheckSeed = integerParam({ key: 'lmCheckSeed', label: 'Sample seed', symbol: { base: '' }, name: 'sample seed', min: 1, max: 1_000_000, initial: 1 });
