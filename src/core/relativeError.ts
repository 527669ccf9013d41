/**
 * |a − b| / max(|a|, |b|, floor); 0 when a and b are equal (including both 0 or the same infinity). The floor
 * (default 1e-12) only keeps the division defined; a larger one, such as 1e-4, makes the test absolute for
 * gradients near 0, where central differences return little more than their own error.
 */
export function relativeError(a: number, b: number, floor = 1e-12): number {
  if (a === b) return 0;
  return Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), floor);
}
