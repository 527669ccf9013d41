import { ADDING_BLOCKS, type AddingGradients, type AddingModel } from './addingModel.ts';

/** All-zero gradients for `model`: one Float64Array per weight block, of the block's length. */
export function zeroGradients<M extends AddingModel>(model: M): AddingGradients<M> {
  const blocks = model as unknown as Readonly<Record<string, Float64Array>>;
  const grads: Record<string, Float64Array> = {};
  for (const name of ADDING_BLOCKS[model.kind]) grads[name] = new Float64Array(blocks[name].length);
  return grads as unknown as AddingGradients<M>;
}
