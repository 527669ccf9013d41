import { randomBernoulli, randomLcg } from 'd3-random';
import type { Dataset } from './dataset.ts';
import { datasetFrom } from './dataset.ts';
import { assertFinite, assertInteger } from './validate.ts';
import { COUNTING_DATASET_DEFAULTS, MAX_COUNTING_COUNT, MAX_COUNTING_LENGTH } from './countingDatasetDefaults.ts';

/**
 * `count` (1..10^4) random 0/1 sequences of `length` (1..1000) steps with their counts as targets.
 * Each x_k is 1 with probability ½, drawn sequence by sequence from d3-random's randomLcg(seed), so the
 * same seed (any finite number, read as randomLcg reads it) gives the same data on every machine.
 */
export function countingDataset(options: { count?: number; length?: number; seed?: number } = {}): Dataset {
  const {
    count = COUNTING_DATASET_DEFAULTS.count,
    length = COUNTING_DATASET_DEFAULTS.length,
    seed = COUNTING_DATASET_DEFAULTS.seed,
  } = options;
  assertInteger(count, 'count', 1, MAX_COUNTING_COUNT);
  assertInteger(length, 'length', 1, MAX_COUNTING_LENGTH);
  assertFinite(seed, 'seed');
  const bit = randomBernoulli.source(randomLcg(seed))(0.5);
  const sequences: Float64Array[] = [];
  for (let i = 0; i < count; i++) {
    const x = new Float64Array(length);
    for (let k = 0; k < length; k++) x[k] = bit();
    sequences.push(x);
  }
  return datasetFrom(sequences);
}
