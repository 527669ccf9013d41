export { adamStep, createAdam } from './adam.ts';
export type { AdamOptions, AdamState } from './adam.ts';
export { checkTruncation, lmBackward, lmGradients } from './backward.ts';
export type { BackwardOptions, LmGradients } from './backward.ts';
export { lmBpttTrace } from './bpttTrace.ts';
export type { LmBpttStep, LmBpttTrace } from './bpttTrace.ts';
export { clipGradients, gradientNorm } from './clip.ts';
export {
  buildDictionary,
  dictionaryFromWords,
  encode,
  encodeCorpus,
  encodeKnown,
  encodeSentence,
  END,
  START,
  UNKNOWN,
} from './dictionary.ts';
export type { Dictionary, Encoded } from './dictionary.ts';
export { conditionalEntropyFloor } from './entropyFloor.ts';
export type { EntropyFloorOptions } from './entropyFloor.ts';
export { encodeHeldOut, evaluateHeldOut, heldOutLoss } from './heldOut.ts';
export type { HeldOutData, HeldOutEvaluation } from './heldOut.ts';
export { checkIndices, hiddenStates, lmForward, logitsInto, nextDistribution, stepState } from './forward.ts';
export type { LmForward } from './forward.ts';
export {
  checkActivation,
  checkSizes,
  cloneParams,
  initParams,
  LM_MAX_HIDDEN,
  LM_MAX_VOCABULARY,
  WEIGHT_NAMES,
  zeroParams,
  zeroWeights,
} from './params.ts';
export type { Activation, InitOptions, LmWeights, Params } from './params.ts';
export { checkDictionary, predictNext, prefixInputs, sampleContinuation, sampleNext, topK } from './sample.ts';
export type { Continuation, ContinuationOptions, Ranked } from './sample.ts';
export { deserializeParams, LM_FORMAT, LM_FORMAT_VERSION, serializeParams } from './serialize.ts';
export type { LmJson, SerializeOptions } from './serialize.ts';
export { checkTemperature, softmax, softmaxInto } from './softmax.ts';
export { corpusSentences, sentencesText, splitCorpus } from './split.ts';
export type { CorpusSentence, CorpusSplit, SplitOptions } from './split.ts';
export { lmGradientCheck, LM_CHECK_FLOOR } from './gradientCheck.ts';
export type { LmGradientCheck, LmGradientCheckOptions, LmGradientCheckRow, LmMatrix } from './gradientCheck.ts';
export { spectralNorm } from './spectralNorm.ts';
export { stateJacobianNorms } from './stateJacobian.ts';
export type { StateJacobianNorms } from './stateJacobian.ts';
export { tokenize } from './tokenize.ts';
export { buildDataset, meanLoss, trainLM } from './train.ts';
export type { CorpusDataset, LmDataset, LmTrainOptions, LmTrainStep } from './train.ts';
