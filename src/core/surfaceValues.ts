import { describeValue } from './validate.ts';

/** The array a loss surface is written into: `out` when given (it must be a Float64Array of `size`), else a new one. */
export function surfaceValues(out: Float64Array | undefined, size: number): Float64Array {
  if (out === undefined) return new Float64Array(size);
  if (!(out instanceof Float64Array) || out.length !== size) {
    throw new RangeError(`options.out must be a Float64Array of length rows · cols = ${size}, got ${describeValue(out)}${out instanceof Float64Array ? ` of length ${out.length}` : ''}`);
  }
  return out;
}
