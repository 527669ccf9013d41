import { formatNumber } from './format.ts';

/** The overflow threshold in words for readers: "the largest number a double can hold (about 1.8 × 10³⁰⁸)". */
export const LARGEST_DOUBLE = `the largest number a double can hold (about ${/* @__PURE__ */ formatNumber(Number.MAX_VALUE, 2)})`;

/** The underflow threshold in words for readers: "the smallest positive double (about 4.9 × 10⁻³²⁴)". */
export const SMALLEST_DOUBLE = `the smallest positive double (about ${/* @__PURE__ */ formatNumber(Number.MIN_VALUE, 2)})`;

/** What a reader can change to get finite numbers back after the states of the linear network overflow. */
export const OVERFLOW_CURE = 'Make |w_rec| smaller or the sequence shorter';
