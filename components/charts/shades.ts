/** Shades of a heat map per sign: a value's shade is its size relative to the largest, rounded to one of these steps. */
export const SHADES = 8;

/** Each value's signed shade, −SHADES … SHADES, stored offset by SHADES (0 … 2 SHADES) so that a Uint8Array holds it. */
export function shadesOf(values: readonly number[]): Uint8Array {
  let max = 0;
  for (const v of values) if (Math.abs(v) > max) max = Math.abs(v);
  return Uint8Array.from(values, (v) => SHADES + Math.sign(v) * (max > 0 ? Math.round((Math.abs(v) / max) * SHADES) : 0));
}
