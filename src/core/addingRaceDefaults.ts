/**
 * The race's settings (those of the reference runs): hidden size H = 8 for both models, Adam with η = 0.03,
 * minibatches of 32 fresh sequences, global-norm clipping at 1, LSTM forget-gate bias +1, 1,500 updates, and the
 * test MSE on 1,000 fresh sequences every 50 updates. `seed` is the default race's seed (T = 50), one with a typical outcome.
 */
export const ADDING_RACE_DEFAULTS = {
  T: 50,
  H: 8,
  learningRate: 0.03,
  batchSize: 32,
  clipNorm: 1,
  forgetBias: 1,
  updates: 1500,
  testSize: 1000,
  evalEvery: 50,
  // typical at T = 50: the LSTM solves it (test MSE ≈ 0.001 after ~600 updates), the RNN stays near 0.16
  seed: 2,
} as const;

/**
 * Offsets added to a run's seed for its other generators: the training minibatches come from
 * `randomLcg(seed + data)`, the test set from `randomLcg(seed + test)`, the weights from `randomLcg(seed)`.
 * randomLcg's first draws from seeds s and s + 1 differ by only ≈ 4e-4, so the offsets are far apart.
 */
export const ADDING_SEED_OFFSETS = { data: 0x9e3779b9, test: 0x3c6ef372 } as const;
