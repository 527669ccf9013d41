export type { Weights } from './weights.ts';
export type { Objective } from './objective.ts';
export { OBJECTIVES } from './objective.ts';
export { forward } from './forward.ts';
export { countingTargets } from './countingTargets.ts';
export { loss } from './loss.ts';
export type { BackpropOptions, BackpropResult } from './backprop.ts';
export { backprop } from './backprop.ts';
export { NUMERICAL_GRADIENT_STEP, numericalGradient } from './numericalGradient.ts';
export { relativeError } from './relativeError.ts';
export type { Dataset } from './dataset.ts';
export { MAX_DATASET_SIZE, datasetFrom } from './dataset.ts';
export {
  COUNTING_DATASET_DEFAULTS,
  MAX_COUNTING_COUNT,
  MAX_COUNTING_LENGTH,
  countingDataset,
} from './countingDataset.ts';
export { datasetLoss } from './datasetLoss.ts';
export { datasetGradient } from './datasetGradient.ts';
export type { Optimizer } from './optimizer.ts';
export type { OptimizerConfig } from './createOptimizer.ts';
export { createOptimizer } from './createOptimizer.ts';
export type { GradientDescentConfig } from './gradientDescent.ts';
export { GRADIENT_DESCENT_DEFAULTS, gradientDescent } from './gradientDescent.ts';
export type { MomentumConfig } from './momentum.ts';
export { MOMENTUM_DEFAULTS, momentum } from './momentum.ts';
export type { RpropConfig } from './rprop.ts';
export { RPROP_DEFAULTS, rprop } from './rprop.ts';
export type { ClippedGradient } from './clipGradient.ts';
export { clipGradient } from './clipGradient.ts';
export type { TrainOptions, TrainStep } from './train.ts';
export { train } from './train.ts';
export type { LossSurface, LossSurfaceGrid, LossSurfaceOptions } from './lossSurfaceGrid.ts';
export { GRID_SIZE_LIMITS, gridAxis } from './gridAxis.ts';
export { lossSurface } from './lossSurface.ts';
export { lossSurfaceDirect } from './lossSurfaceDirect.ts';
export { gradientFlow } from './gradientFlow.ts';
export { MAX_SEQUENCE_LENGTH } from './validate.ts';
export type { LstmParams, LstmInitOptions, LstmState, LstmTrace, LstmGradients } from './lstm.ts';
export { LSTM_MAX_HIDDEN, lstmInit, lstmForward, lstmBackward, lstmFinalLoss, checkLstmParams } from './lstm.ts';
export type { ErrorFlowOptions, ErrorFlow } from './lstm-flow.ts';
export { errorFlow, cellPathFlow, cellFlow } from './lstm-flow.ts';
export * from './lm/index.ts';
export { suffixSums } from './suffixSums.ts';
export { inputWeights } from './inputWeights.ts';
export type { PenalisedOptimumOptions, PenalisedOptimum } from './penalisedOptimum.ts';
export { penalisedGradient } from './penalisedGradient.ts';
export { penalisedOptimum, penalisedOptimumNear } from './penalisedOptimum.ts';
