/** The steps a figure draws: `first..last` (inclusive) out of 0..n, and how many it leaves out on each side. */
export interface StepWindow {
  first: number;
  last: number;
  /** Steps hidden before `first` (0..first-1). */
  hiddenBefore: number;
  /** Steps hidden after `last` (last+1..n). */
  hiddenAfter: number;
}

/**
 * A window of at most `size` consecutive steps out of `from..n`, centred on `highlight` where the ends allow
 * (the window slides rather than shrinks at either end). `highlight` is clamped to `from..n` first.
 */
export function stepWindow(n: number, highlight: number, size: number, from = 0): StepWindow {
  if (!Number.isInteger(n) || n < from) throw new RangeError(`n must be a whole number ≥ ${from}, got ${n}`);
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`size must be a whole number ≥ 1, got ${size}`);
  const count = n - from + 1;
  const span = Math.min(size, count);
  const k = Math.min(Math.max(Math.round(highlight), from), n);
  const first = Math.min(Math.max(k - Math.floor((span - 1) / 2), from), n - span + 1);
  const last = first + span - 1;
  return { first, last, hiddenBefore: first - from, hiddenAfter: n - last };
}
