import katex from 'katex';
import { katexOptions } from '~/markdown/katex-options.ts';
import { formatNumber } from '~/notebook/format.ts';

/** How a computed number is written: `digits` significant digits (the site's formatter), or `exact`. */
export interface ComputedFormat {
  /** Significant digits, as formatNumber takes them (default 4). */
  digits?: number;
  /**
   * Every digit of the number, for the short binary fractions of the hand-worked examples (−5.84375). The build stops
   * when the number has no short exact decimal form (more than 12 significant digits), so a rounded value is never
   * passed off as exact.
   */
  exact?: boolean;
  /** The number as a percentage (0.385 → "38.5 %"), to `digits` significant digits. */
  percent?: boolean;
}

/** The most significant digits an `exact` number may have. */
const EXACT_DIGITS = 12;

/** The reader's text for a computed number (true minus sign, as everywhere on the site). Throws on a bad request. */
export function formatComputed(name: string, value: number, format: ComputedFormat = {}): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new RangeError(`computed "${name}" must be a finite number, got ${String(value)}`);
  }
  if (format.percent) return `${formatNumber(value * 100, format.digits ?? 3)} %`;
  if (!format.exact) return formatNumber(value, format.digits);
  const text = String(Math.abs(value));
  const significant = text.replace(/^0\.0*|\./g, '').replace(/e.*$/, '').length;
  if (text.includes('e') || significant > EXACT_DIGITS) {
    throw new RangeError(`computed "${name}" = ${value} has no short exact decimal form: give it digits instead of exact`);
  }
  return value < 0 ? `\u2212${text}` : text;
}

/** A number as TeX: the same text, with the ASCII minus TeX expects (KaTeX sets it as a minus sign). */
function texNumber(text: string): string {
  return text.replace(/\u2212/g, '-').replace(/ %$/, '\\,\\%').replace(/ × 10(.+)$/, (_, power: string) => {
    const digits = power.replace(/[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]/g, (c) => '-0123456789'['⁻⁰¹²³⁴⁵⁶⁷⁸⁹'.indexOf(c)]);
    return ` \\times 10^{${digits}}`;
  });
}

/** One number a TeX template shows: its value and how it is written. */
export type ComputedValue = number | ({ value: number } & ComputedFormat);

/**
 * Fills a TeX template's `{{name}}` slots with computed numbers and renders it with the site's strict KaTeX options.
 * Throws (stopping the build) on a slot without a value, a value without a slot, or a TeX error.
 */
export function renderComputedTex(tex: string, values: Readonly<Record<string, ComputedValue>>, displayMode = false): string {
  const used = new Set<string>();
  const filled = tex.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const entry = values[name];
    if (entry === undefined) throw new RangeError(`the TeX template uses {{${name}}}, which has no value`);
    used.add(name);
    const { value, ...format } = typeof entry === 'number' ? { value: entry } : entry;
    return texNumber(formatComputed(name, value, format));
  });
  const unused = Object.keys(values).filter((name) => !used.has(name));
  if (unused.length > 0) throw new RangeError(`the TeX template has no slot for ${unused.join(', ')}`);
  return katex.renderToString(filled, { ...katexOptions, displayMode });
}
