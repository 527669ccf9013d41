/** Above this magnitude a domain's span (max − min) or d3's nice() rounding can overflow to ∞: such axes count in units of 10¹⁶. */
const HUGE = 1e300;
/** Below this magnitude d3's tick step 10⁻ᵉ overflows: such axes count in units of 10⁻³⁰⁰. */
const TINY = 1e-290;

/** A linear axis's extent over the finite values only, in units of `unit`: scale `v / unit`, label tick `t` as `t · unit`. */
export interface FiniteExtent {
  /** The least and greatest finite value (and every `include`d one), divided by `unit`; lo < hi. */
  lo: number;
  hi: number;
  /** 1, or a power of ten that keeps lo, hi and their difference (after nice()) well inside the doubles. */
  unit: number;
  /** How many values were left out because they are ±∞ or NaN. */
  omitted: number;
}

/**
 * The extent of the finite numbers among `values` together with `include` (e.g. 0, so bars have a base), or
 * `fallback` when none is finite. ±∞ and NaN are counted in `omitted`, never in the extent, and values up to
 * ±Number.MAX_VALUE never make the span overflow: the extent is then stated in units of 10¹⁶.
 */
export function finiteExtent(
  values: Iterable<ArrayLike<number>>,
  include: readonly number[] = [],
  fallback: readonly [number, number] = [0, 1],
): FiniteExtent {
  let lo = Infinity;
  let hi = -Infinity;
  let omitted = 0;
  for (const series of values) {
    for (let i = 0; i < series.length; i++) {
      const v = series[i];
      if (!Number.isFinite(v)) omitted++;
      else {
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
    }
  }
  if (lo > hi) [lo, hi] = fallback;
  for (const v of include) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const magnitude = Math.max(Math.abs(lo), Math.abs(hi));
  const unit = magnitude > HUGE ? 1e16 : magnitude > 0 && magnitude < TINY ? 1e-300 : 1;
  lo /= unit;
  hi /= unit;
  if (lo === 0 && hi === 0) hi = 1;
  else if (lo === hi) {
    // A single value: an axis as wide as the value, centred on it.
    lo -= Math.abs(lo) / 2;
    hi += Math.abs(hi) / 2;
  }
  return { lo, hi, unit, omitted };
}
