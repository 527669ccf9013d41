import type { Objective } from './objective.ts';
import type { Weights } from './weights.ts';

/**
 * The core's safety bound on a sequence's length, 10^7 steps (each per-step Float64Array is then at most 80 MB):
 * the most any core function accepts, not the length a page lets a reader type.
 */
export const CORE_MAX_SEQUENCE_LENGTH = 10_000_000;

/** A short, readable rendering of any value for error messages: strings quoted, numbers as written. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  return `a value of type ${typeof value}`;
}

/** Throws a RangeError unless `value` is a finite number; returns it otherwise. */
export function assertFinite(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new RangeError(`${name} must be a finite number, got ${describeValue(value)}`);
  }
  return value;
}

/** Throws a RangeError unless `value` is a finite number > 0. */
export function assertPositive(value: unknown, name: string): number {
  const v = assertFinite(value, name);
  if (!(v > 0)) throw new RangeError(`${name} must be greater than 0, got ${describeValue(value)}`);
  return v;
}

/** Throws a RangeError unless `value` is a finite number ≥ 0. */
export function assertNonNegative(value: unknown, name: string): number {
  const v = assertFinite(value, name);
  if (!(v >= 0)) throw new RangeError(`${name} must be at least 0, got ${describeValue(value)}`);
  return v;
}

/** Throws a RangeError unless `value` is an integer in [min, max]. */
export function assertInteger(value: unknown, name: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} must be an integer from ${min} to ${max}, got ${describeValue(value)}`);
  }
  return value;
}

/** Throws a RangeError unless `value` is a number in [min, max] (NaN is not). */
export function assertInInterval(value: unknown, name: string, min: number, max: number): number {
  if (typeof value !== 'number' || !(value >= min && value <= max)) {
    throw new RangeError(`${name} must be a number in [${min}, ${max}], got ${describeValue(value)}`);
  }
  return value;
}

/** Throws a RangeError unless `value` is true or false. */
export function assertBoolean(value: unknown, name: string): boolean {
  if (typeof value !== 'boolean') throw new RangeError(`${name} must be true or false, got ${describeValue(value)}`);
  return value;
}

/** Throws a RangeError unless `v` is array-like with exactly `length` entries, each a finite number; returns it. */
export function assertVector(v: unknown, length: number, name: string): ArrayLike<number> {
  if (v === null || typeof v !== 'object' || typeof (v as ArrayLike<unknown>).length !== 'number') {
    throw new RangeError(`${name} must be an array of ${length} numbers, got ${describeValue(v)}`);
  }
  const a = v as ArrayLike<number>;
  if (a.length !== length) throw new RangeError(`${name} must have length ${length}, got length ${a.length}`);
  for (let j = 0; j < length; j++) assertFinite(a[j], `${name}[${j}]`);
  return a;
}

/** The RangeError for a bad entry at index `i` of the sequence called `name` (entry i is step i + 1). */
export function stepError(name: string, i: number, value: unknown): RangeError {
  return new RangeError(`${name}[${i}] (step ${i + 1}) must be a finite number, got ${describeValue(value)}`);
}

/** Checks that `x` is array-like with 1..10^7 entries and returns n = its length; entries are not checked. */
export function sequenceLength(x: unknown, name = 'x'): number {
  if (x === null || typeof x !== 'object' || typeof (x as ArrayLike<unknown>).length !== 'number') {
    throw new RangeError(`${name} must be an array of numbers, got ${describeValue(x)}`);
  }
  const n = (x as ArrayLike<unknown>).length;
  if (n < 1) throw new RangeError(`${name} must have at least 1 step, got an empty sequence`);
  if (n > CORE_MAX_SEQUENCE_LENGTH) {
    throw new RangeError(`${name} must have at most ${CORE_MAX_SEQUENCE_LENGTH} steps, got ${n}`);
  }
  return n;
}

/** Checks a whole input sequence (length and every x_k finite) and returns n. */
export function assertSequence(x: ArrayLike<number>, name = 'x'): number {
  const n = sequenceLength(x, name);
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(x[i])) throw stepError(name, i, x[i]);
  }
  return n;
}

/** Checks per-step targets t_0..t_n for a sequence of n steps: length n + 1 and every entry finite. */
export function assertTargets(t: ArrayLike<number>, n: number, name = 't'): void {
  if (t === null || typeof t !== 'object' || typeof t.length !== 'number') {
    throw new RangeError(`${name} must be an array of numbers, got ${describeValue(t)}`);
  }
  if (t.length !== n + 1) {
    throw new RangeError(`${name} must have length n + 1 = ${n + 1} (t_0..t_n), got length ${t.length}`);
  }
  for (let k = 0; k <= n; k++) {
    if (!Number.isFinite(t[k])) {
      throw new RangeError(`${name}[${k}] (t_${k}) must be a finite number, got ${describeValue(t[k])}`);
    }
  }
}

/** Checks that both weights are finite numbers. */
export function assertWeights(w: Weights, name = 'w'): void {
  if (w === null || typeof w !== 'object') {
    throw new RangeError(`${name} must be an object { wRec, wX }, got ${describeValue(w)}`);
  }
  assertFinite(w.wRec, `${name}.wRec`);
  assertFinite(w.wX, `${name}.wX`);
}

/** Checks that `objective` is 'final' or 'every-step'. */
export function assertObjective(objective: unknown, name = 'objective'): Objective {
  if (objective !== 'final' && objective !== 'every-step') {
    throw new RangeError(`${name} must be 'final' or 'every-step', got ${describeValue(objective)}`);
  }
  return objective;
}
