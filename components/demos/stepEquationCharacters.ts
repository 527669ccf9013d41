// Imported by astro.config.mjs, which resolves no path aliases: relative imports only.
import { NUMBER_CHARACTERS } from '../../src/notebook/format.ts';

/**
 * The characters the forward cell's step equation (`ForwardDemo.tsx`, set in KaTeX's fonts by `ForwardDemo.css`) draws
 * from each KaTeX font file, whatever numbers a reader's input puts in it. The subset fonts keep them:
 * - Main-Regular, the upright text: operators, the parentheses round a negative factor, the subscripts (step numbers,
 *   "rec", "x") and the numbers, the new state's included;
 * - Math-Italic, the variables in `<var>`.
 */
export const STEP_EQUATION_CHARACTERS = {
  'Main-Regular': `${NUMBER_CHARACTERS}=+\u00b7()recx\u00a0`,
  'Math-Italic': 'swx',
} as const satisfies Record<string, string>;
