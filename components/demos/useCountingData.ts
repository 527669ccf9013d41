import { useMemo } from 'preact/hooks';
import { countingDataset, type Dataset } from '~/core';
import type { Reads } from '~/notebook/notebook.ts';

/** The notebook keys that choose the counting data set: a cell that uses {@link useCountingData} declares them. */
export const COUNTING_DATA_KEYS = ['seed', 'count', 'length'] as const;

/** The page's counting data set (seed, count and length from the notebook), built once per change of those keys. */
export function useCountingData(notebook: Reads<(typeof COUNTING_DATA_KEYS)[number]>): Dataset {
  const { seed, count, length } = notebook.state;
  return useMemo(
    () => countingDataset({ seed: seed.value, count: count.value, length: length.value }),
    [seed.value, count.value, length.value],
  );
}
