export { adamStep, createAdam } from './adam.ts';
export type { AdamOptions, AdamState } from './adam.ts';
export { checkTruncation, lmBackward, lmGradients } from './backward.ts';
export type { BackwardOptions, LmGradients } from './backward.ts';
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
export { tokenize } from './tokenize.ts';
export { buildDataset, meanLoss, trainLM } from './train.ts';
export type { CorpusDataset, LmDataset, LmTrainOptions, LmTrainStep } from './train.ts';
