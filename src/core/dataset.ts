import { countingTargets } from './countingTargets.ts';
import { assertSequence, describeValue } from './validate.ts';

/** The most sequences a data set may hold. */
export const MAX_DATASET_SIZE = 10_000;

/** A data set of input sequences and their per-step counting targets (targets[i][k] = t_k of sequence i). */
export interface Dataset {
  /** The input sequences; sequences[i][k − 1] = x_k of sequence i. */
  readonly sequences: readonly Float64Array[];
  /** The per-step targets t_0..t_n of each sequence (length n + 1). */
  readonly targets: readonly Float64Array[];
}

/** A data set from given sequences (1..10^4 of them, each 1..10^7 finite numbers), copied, with counting targets. */
export function datasetFrom(sequences: readonly ArrayLike<number>[]): Dataset {
  if (!Array.isArray(sequences)) {
    throw new RangeError(`sequences must be an array of sequences, got ${describeValue(sequences)}`);
  }
  if (sequences.length < 1 || sequences.length > MAX_DATASET_SIZE) {
    throw new RangeError(`sequences must hold 1 to ${MAX_DATASET_SIZE} sequences, got ${sequences.length}`);
  }
  const xs: Float64Array[] = [];
  const ts: Float64Array[] = [];
  for (let i = 0; i < sequences.length; i++) {
    assertSequence(sequences[i], `sequences[${i}]`);
    xs.push(Float64Array.from(sequences[i]));
    ts.push(countingTargets(sequences[i]));
  }
  return { sequences: xs, targets: ts };
}

/** Throws a RangeError unless `data` looks like a Dataset (same number of sequences and targets, at least one). */
export function assertDataset(data: Dataset, name = 'data'): void {
  if (data === null || typeof data !== 'object' || !Array.isArray(data.sequences) || !Array.isArray(data.targets)) {
    throw new RangeError(`${name} must be a Dataset from datasetFrom or countingDataset, got ${describeValue(data)}`);
  }
  if (data.sequences.length < 1 || data.sequences.length !== data.targets.length) {
    throw new RangeError(
      `${name} must hold at least one sequence and one target array per sequence, got ${data.sequences.length} sequences and ${data.targets.length} target arrays`,
    );
  }
}
