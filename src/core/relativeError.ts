/** |a − b| / max(|a|, |b|, 1e-12); 0 when a and b are equal (including both 0 or the same infinity). */
export function relativeError(a: number, b: number): number {
  if (a === b) return 0;
  return Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), 1e-12);
}
