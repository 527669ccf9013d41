import { CORE_MAX_SEQUENCE_LENGTH, assertVector, describeValue } from './validate.ts';

/** Checks a sequence of input vectors x[k − 1] = x_k (1 … 10^7 steps, each of length D, finite) and returns T = its length. */
export function checkInputSequence(x: unknown, D: number, name = 'x'): number {
  if (!Array.isArray(x)) throw new RangeError(`${name} must be an array of input vectors, got ${describeValue(x)}`);
  const T = x.length;
  if (T < 1) throw new RangeError(`${name} must have at least 1 step, got an empty sequence`);
  if (T > CORE_MAX_SEQUENCE_LENGTH) {
    throw new RangeError(`${name} must have at most ${CORE_MAX_SEQUENCE_LENGTH} steps, got ${T}`);
  }
  for (let k = 1; k <= T; k++) assertVector(x[k - 1], D, `${name}[${k - 1}]`);
  return T;
}
