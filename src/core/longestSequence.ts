import type { Dataset } from './dataset.ts';

/** The length n of the data set's longest sequence: a buffer of n + 1 entries holds the states of any of them. */
export function longestSequence(data: Dataset): number {
  let longest = 0;
  for (let i = 0; i < data.sequences.length; i++) longest = Math.max(longest, data.sequences[i].length);
  return longest;
}
