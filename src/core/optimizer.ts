import type { Weights } from './weights.ts';

/** A stateful update rule: given the weights and the gradient there, returns the weights after one update. */
export interface Optimizer {
  step(w: Weights, dWRec: number, dWX: number): Weights;
}
