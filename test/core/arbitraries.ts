import fc from 'fast-check';

/** A weight in [−1.5, 1.5]; values below 1e-100 in size become 0 so subnormal arithmetic stays out of the tolerances. */
export const weight = fc.double({ min: -1.5, max: 1.5, noNaN: true }).map((v) => (Math.abs(v) < 1e-100 ? 0 : v));

/** A 0/1 input sequence of 1..50 steps. */
export const bits = fc.array(fc.constantFrom(0, 1), { minLength: 1, maxLength: 50 });

/** A real input sequence of 1..50 steps with x_k in [−2, 2] (tiny values flushed to 0 as for weights). */
export const reals = fc.array(
  fc.double({ min: -2, max: 2, noNaN: true }).map((v) => (Math.abs(v) < 1e-100 ? 0 : v)),
  { minLength: 1, maxLength: 50 },
);

/** Either kind of input sequence. */
export const sequence = fc.oneof(bits, reals);
