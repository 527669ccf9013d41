import type { AdamOptions } from './adam.ts';
import { adam } from './adam.ts';
import type { Optimizer } from './optimizer.ts';

/** Adam (Kingma & Ba 2015) for the two weights: per weight, m ← β1 m + (1 − β1) g, v ← β2 v + (1 − β2) g², w ← w − η m̂ / (√v̂ + ε). */
export interface AdamConfig extends AdamOptions {
  readonly kind: 'adam';
}

/** An Adam optimizer of (w_rec, w_x), with zero moments at first: the core's Adam over one block [w_rec, w_x]. */
export function adamOptimizer(config: AdamConfig): Optimizer {
  const rule = adam([2], config, 'optimizer.');
  const w = new Float64Array(2); // [w_rec, w_x]
  const g = new Float64Array(2); // [∂E/∂w_rec, ∂E/∂w_x]
  const theta = [w];
  const gradient = [g];
  return {
    step(start, dWRec, dWX) {
      w[0] = start.wRec;
      w[1] = start.wX;
      g[0] = dWRec;
      g[1] = dWX;
      rule.step(theta, gradient);
      return { wRec: w[0], wX: w[1] };
    },
  };
}
