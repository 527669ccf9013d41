import { describe, expect, it } from 'vitest';
import { formatNumber } from '~/notebook/format.ts';

describe('formatNumber', () => {
  it.each([
    // integers stay integers
    [5, undefined, '5'],
    [0, undefined, '0'],
    // negative zero is shown as zero
    [-0, undefined, '0'],
    // the true minus sign, U+2212
    [-2.5, undefined, '\u22122.5'],
    // four significant digits, trailing zeros dropped
    [1.23456, undefined, '1.235'],
    [0.5, undefined, '0.5'],
    [1 / 3, undefined, '0.3333'],
    // fewer digits on request
    [1 / 3, 2, '0.33'],
    // large numbers below 10^6 stay in fixed notation, rounded to four significant digits
    [403712, undefined, '403700'],
    [-12345.6, undefined, '\u221212350'],
    [0.00012346, undefined, '0.0001235'],
    // scientific notation below 10^-4 and from 10^6, with superscript exponents
    [0.00001234, undefined, '1.234 \u00d7 10\u207b\u2075'],
    [1234567, undefined, '1.235 \u00d7 10\u2076'],
    [-3e300, undefined, '\u22123 \u00d7 10\u00b3\u2070\u2070'],
    // overflow and its consequences
    [Infinity, undefined, '\u221e'],
    [-Infinity, undefined, '\u2212\u221e'],
    [NaN, undefined, 'undefined'],
    // rounding that carries into the next power of ten stays in fixed notation
    [999999.7, undefined, '1 \u00d7 10\u2076'],
    [0.99999, undefined, '1'],
  ])('formatNumber(%s, %s) is %s', (value, digits, expected) => {
    expect(formatNumber(value, digits)).toBe(expected);
  });

  it('never writes a hyphen-minus or the letters NaN', () => {
    for (const value of [-1e-9, -0.001, -1, -1e9, NaN, -Infinity]) {
      const text = formatNumber(value);
      expect(text).not.toContain('-');
      expect(text).not.toContain('NaN');
    }
  });
});
