import { ADDING_MAX_HIDDEN, type AddingModel } from './addingModel.ts';
import { checkLstmParams } from './lstm.ts';
import { assertInteger, assertVector, describeValue } from './validate.ts';

/** Checks a race model (either kind): sizes, and every weight block's length and finiteness; throws a RangeError naming the field. */
export function checkAddingModel(model: AddingModel): void {
  if (model === null || typeof model !== 'object') {
    throw new RangeError(`model must be an object from rnnRegressionInit or lstmRegressionInit, got ${describeValue(model)}`);
  }
  let H: number;
  if (model.kind === 'rnn') {
    H = assertInteger(model.H, 'model.H', 1, ADDING_MAX_HIDDEN);
    const D = assertInteger(model.D, 'model.D', 1, 1 << 20);
    if (model.activation !== 'tanh' && model.activation !== 'identity') {
      throw new RangeError(`model.activation must be 'tanh' or 'identity', got ${describeValue(model.activation)}`);
    }
    assertVector(model.wRec, H * H, 'model.wRec');
    assertVector(model.wX, H * D, 'model.wX');
    assertVector(model.b, H, 'model.b');
  } else if (model.kind === 'lstm') {
    checkLstmParams(model);
    H = model.hiddenSize;
  } else {
    throw new RangeError(`model.kind must be 'rnn' or 'lstm', got ${describeValue((model as { kind: unknown }).kind)}`);
  }
  assertVector(model.wOut, H, 'model.wOut');
  assertVector(model.bOut, 1, 'model.bOut');
}
