const MINUS = '\u2212';
const SUPERSCRIPT: Record<string, string> = {
  '-': '\u207b', '0': '\u2070', '1': '\u00b9', '2': '\u00b2', '3': '\u00b3', '4': '\u2074',
  '5': '\u2075', '6': '\u2076', '7': '\u2077', '8': '\u2078', '9': '\u2079',
};

/**
 * Every character {@link formatNumber} can write. Text set in one of the site's subset fonts (the forward cell's step
 * equation is KaTeX_Main) keeps these, so any number a reader's input produces has its glyphs.
 */
export const NUMBER_CHARACTERS = `0123456789.${MINUS}\u221e \u00d7${Object.values(SUPERSCRIPT).join('')}undefined`;

/** Significant digits every number on the site is shown with, unless a caller asks for fewer. */
export const DISPLAY_DIGITS = 4;

/**
 * Formats a number for readers, the one way the whole site does it: true minus sign (U+2212),
 * `∞` for overflow, "undefined" for NaN (∞ · 0 after an overflow), at most `digits` significant digits,
 * trailing zeros dropped, and scientific notation (`1.2 × 10⁻⁷`) outside [10⁻⁴, 10⁶).
 */
export function formatNumber(value: number, digits = DISPLAY_DIGITS): string {
  if (Number.isNaN(value)) return 'undefined';
  if (value === Infinity) return '\u221e';
  if (value === -Infinity) return `${MINUS}\u221e`;
  if (value === 0) return '0';
  const sign = value < 0 ? MINUS : '';
  const magnitude = Math.abs(value);
  const rounded = Number(magnitude.toPrecision(digits));
  if (rounded >= 1e-4 && rounded < 1e6) {
    // toFixed, not toPrecision: toPrecision switches to exponent form once the exponent reaches `digits`.
    const decimals = Math.max(0, digits - 1 - Math.floor(Math.log10(rounded)));
    return sign + trimZeros(rounded.toFixed(decimals));
  }
  const [mantissa, exponent] = magnitude.toExponential(digits - 1).split('e');
  const power = String(Number(exponent)).replace(/./g, (c) => SUPERSCRIPT[c] ?? c);
  return `${sign}${trimZeros(mantissa)} \u00d7 10${power}`;
}

function trimZeros(text: string): string {
  if (!text.includes('.')) return text;
  return text.replace(/\.?0+$/, '');
}
