import { assertFinite, assertInteger, describeValue } from './validate.ts';

/** The fewest and most points a grid axis may have. */
export const GRID_SIZE_LIMITS = { min: 2, max: 4096 } as const;

/** `size` (2..4096) evenly spaced values from min to max inclusive (min < max): v_i = min + (max − min) i / (size − 1). */
export function gridAxis(range: readonly [number, number, number], name: string): Float64Array {
  if (!Array.isArray(range) || range.length !== 3) {
    throw new RangeError(`${name} must be [min, max, size], got ${describeValue(range)}`);
  }
  const [min, max, size] = range;
  assertFinite(min, `${name}[0] (min)`);
  assertFinite(max, `${name}[1] (max)`);
  if (!(min < max)) throw new RangeError(`${name}[1] (max) must be greater than min = ${min}, got ${max}`);
  assertInteger(size, `${name}[2] (size)`, GRID_SIZE_LIMITS.min, GRID_SIZE_LIMITS.max);
  const v = new Float64Array(size);
  for (let i = 0; i < size; i++) v[i] = min + ((max - min) * i) / (size - 1);
  v[size - 1] = max;
  return v;
}
