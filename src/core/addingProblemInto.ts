import type { AddingBatch } from './addingProblem.ts';

/**
 * Refills `batch` in place with fresh sequences drawn from `random` (a seeded generator of numbers in [0, 1)):
 * per sequence, u_1 … u_T, then the first marker's step, then the second's   (adding-data).
 * Unchecked: `batch` must come from addingProblem. Reusing one batch keeps a training loop free of allocation.
 */
export function addingProblemInto(batch: AddingBatch, random: () => number): AddingBatch {
  const { T, B, inputs, t } = batch;
  const half = Math.floor(T / 2);
  for (let b = 0; b < B; b++) {
    const base = b * T * 2;
    for (let k = 1; k <= T; k++) {
      inputs[base + (k - 1) * 2] = random();
      inputs[base + (k - 1) * 2 + 1] = 0;
    }
    // one marker uniform in steps 1 … ⌊T/2⌋, the other uniform in ⌊T/2⌋ + 1 … T
    const first = 1 + Math.floor(random() * half);
    const second = half + 1 + Math.floor(random() * (T - half));
    inputs[base + (first - 1) * 2 + 1] = 1;
    inputs[base + (second - 1) * 2 + 1] = 1;
    // t = Σ_k m_k u_k = u_first + u_second   (adding-data)
    t[b] = inputs[base + (first - 1) * 2] + inputs[base + (second - 1) * 2];
  }
  return batch;
}
