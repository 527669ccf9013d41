import { useMemo } from 'preact/hooks';
import { countingDataset, type Dataset } from '~/core';
import type { Notebook } from '~/notebook/notebook.ts';

/** The page's counting data set (seed, count and length from the notebook), built once per change of those keys. */
export function useCountingData(notebook: Notebook): Dataset {
  const { seed, count, length } = notebook.state;
  return useMemo(
    () => countingDataset({ seed: seed.value, count: count.value, length: length.value }),
    [seed.value, count.value, length.value],
  );
}
