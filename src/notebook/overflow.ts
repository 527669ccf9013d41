// Where numbers stopped being finite; what to tell the reader about it is in overflowMessage.ts and gradientOverflow.ts.

/** The first index whose value is not finite, or -1 when every value is finite. */
export function firstNonFinite(values: ArrayLike<number>): number {
  for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i])) return i;
  return -1;
}

/** The last index from `from` on whose value is not finite, or -1 when every value there is finite. */
export function lastNonFinite(values: ArrayLike<number>, from = 0): number {
  for (let i = values.length - 1; i >= from; i--) if (!Number.isFinite(values[i])) return i;
  return -1;
}

/** The indices (ascending) where values[k] is ±∞, as [first, last, count]; null when there are none. */
export function infiniteRange(values: ArrayLike<number>): [number, number, number] | null {
  let first = -1;
  let last = -1;
  let count = 0;
  for (let k = 0; k < values.length; k++) {
    if (values[k] === Infinity || values[k] === -Infinity) {
      if (first < 0) first = k;
      last = k;
      count++;
    }
  }
  return count ? [first, last, count] : null;
}
