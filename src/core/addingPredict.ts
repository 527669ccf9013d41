import type { AddingModel } from './addingModel.ts';
import { lstmRegressionForward } from './lstmRegressionForward.ts';
import { rnnRegressionForward } from './rnnRegressionForward.ts';

/** The prediction y = w_outᵀ h_T + b_out of either model for one input sequence x (x[k − 1] = x_k)   (adding-readout). */
export function addingPredict(model: AddingModel, x: readonly ArrayLike<number>[]): number {
  return model.kind === 'rnn' ? rnnRegressionForward(model, x).y : lstmRegressionForward(model, x).y;
}
