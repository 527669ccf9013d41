import { formatNumber } from '~/notebook/format.ts';

/** A number written as a factor in a product: formatted by the site's formatter, in parentheses when negative. */
export function factor(value: number): string {
  const text = formatNumber(value);
  return value < 0 || text.startsWith('\u2212') ? `(${text})` : text;
}
