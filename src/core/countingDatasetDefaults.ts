// The counting data set's defaults and limits, apart from its generator: the site's settings read them on every
// page with a notebook, and should not have to download the generator to do it.

/** The defaults of {@link countingDataset}: 20 sequences of 10 steps from seed 1. */
export const COUNTING_DATASET_DEFAULTS = { count: 20, length: 10, seed: 1 } as const;

/** The largest `count` accepted by {@link countingDataset}. */
export const MAX_COUNTING_COUNT = 10_000;

/** The largest `length` accepted by {@link countingDataset}. */
export const MAX_COUNTING_LENGTH = 1_000;
