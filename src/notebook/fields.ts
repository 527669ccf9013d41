import { formatNumber } from './format.ts';

/** One key of the page state in the URL: how to read it from text and write it back. */
export interface Field<T> {
  /** Reads the URL's text; throws a RangeError whose message says what is expected. */
  parse(raw: string): T;
  /** Writes the value as URL text. */
  encode(value: T): string;
}

/**
 * How a parameter's URL text is read, as plain data: what a page's notebook carries for each of its keys, so the
 * URL can be read without the parameters' declarations. A 'step' is a whole number 1..maxLength, or empty for n; its
 * third entry names what it steps through (normalise.ts), the sequence x when there is none.
 */
export type FieldSpec =
  | readonly ['real', number, number]
  | readonly ['integer', number, number]
  | readonly ['sequence', number]
  | readonly ['sentence', number]
  | readonly ['step', number, StepOver?]
  | readonly ['choice', readonly string[]];

/** What a step counts through: the sequence x (n = its length) or a sentence (n = its words + 1, the end marker). */
export type StepOver = 'x' | 'sentence';

const made = new WeakMap<FieldSpec, Field<unknown>>();

/** The field a spec describes, made once per spec (the URL is written on every change). */
export function fieldOf(spec: FieldSpec): Field<unknown> {
  let field = made.get(spec);
  if (field === undefined) {
    field = makeField(spec);
    made.set(spec, field);
  }
  return field;
}

function makeField(spec: FieldSpec): Field<unknown> {
  switch (spec[0]) {
    case 'real':
      return boundedNumber(spec[1], spec[2]);
    case 'integer':
      return boundedInteger(spec[1], spec[2]);
    case 'sequence':
      return binarySequence(spec[1]);
    case 'sentence':
      return sentenceWords(spec[1]) as Field<unknown>;
    case 'step': {
      const whole = boundedInteger(1, spec[1]);
      return { parse: (raw) => whole.parse(raw), encode: (value) => (value === null ? '' : String(value)) } as Field<unknown>;
    }
    case 'choice':
      return oneOf(spec[1]) as Field<unknown>;
  }
}

/** A 0/1 sequence written as digits, `011000010011`, 1 to `maxLength` of them. */
export function binarySequence(maxLength: number): Field<number[]> {
  return {
    parse(raw) {
      const text = raw.replace(/[\s,]/g, '');
      if (text.length === 0) throw new RangeError('the sequence is empty: enter at least one 0 or 1');
      if (text.length > maxLength) {
        throw new RangeError(`the sequence has ${text.length} steps: at most ${maxLength} are allowed`);
      }
      const bad = text.search(/[^01]/);
      if (bad >= 0) {
        throw new RangeError(`only 0 and 1 are allowed: "${text[bad]}" at position ${bad + 1}`);
      }
      return Array.from(text, Number);
    },
    encode: (value) => value.join(''),
  };
}

/** A word as a sentence field reads it (case-folded first): letters a to z, with an apostrophe only between two letters. */
const WORD = /^[a-z]+(?:'[a-z]+)*$/;

/**
 * A sentence written as lower-case words separated by spaces, `i like french`, 1 to `maxWords` of them. Upper case
 * is folded to lower case, as the language model's `tokenize` folds it; anything else outside the grammar is refused.
 */
export function sentenceWords(maxWords: number): Field<string[]> {
  return {
    parse(raw) {
      const words = raw.toLowerCase().split(' ').filter((word) => word !== '');
      if (words.length === 0) throw new RangeError('the sentence is empty: enter at least one word');
      if (words.length > maxWords) {
        throw new RangeError(`the sentence has ${words.length} words: at most ${maxWords} are allowed`);
      }
      for (const [i, word] of words.entries()) {
        if (WORD.test(word)) continue;
        const bad = Array.from(word).find((c) => !/[a-z']/.test(c));
        if (bad !== undefined) {
          throw new RangeError(`only letters a to z, apostrophes and spaces are allowed: "${clip(bad)}" in word ${i + 1}`);
        }
        throw new RangeError(`an apostrophe must stand between two letters: "${clip(word)}" in word ${i + 1}`);
      }
      return words;
    },
    encode: (value) => value.join(' '),
  };
}

/**
 * The one grammar of a number in a link or a text field: an optional sign, digits, an optional fraction and an
 * optional exponent (`3`, `-0.5`, `+2.5E-1`, `1e3`). A point needs a digit on each side, so `.5` and `5.` are refused,
 * as JSON refuses them. Nothing else is read: no hex, binary or octal prefix, no `,` for the point, no digit
 * separators, no whitespace around it, no `Infinity` or `NaN`. `Number` reads every match to the nearest double.
 */
export const DECIMAL = /^[+-]?[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?$/;

/** The smallest positive normal double, 2^−1022: between it and 0 a double is subnormal and loses precision. */
export const SMALLEST_NORMAL = 2.2250738585072014e-308;

/**
 * Reads text in the DECIMAL grammar as a number: ±Infinity when it is past the largest double (a range refuses it).
 * Throws a RangeError, in the wording every numeric field shares, for text outside the grammar, and for a nonzero
 * number smaller in size than SMALLEST_NORMAL (a subnormal, or one so small it rounds to 0).
 */
export function readDecimal(raw: string): number {
  if (!DECIMAL.test(raw)) throw new RangeError(`must be a decimal number such as 0.5, -2 or 1e-3, got "${clip(raw)}"`);
  const value = Number(raw);
  const nonzero = /[1-9]/.test(raw.split(/[eE]/)[0] as string);
  if (nonzero && Math.abs(value) < SMALLEST_NORMAL) {
    throw new RangeError(`is too small: a number other than 0 must be at least ${SMALLEST_NORMAL} in size, got "${clip(raw)}"`);
  }
  return value;
}

/** A number in [min, max], written in the DECIMAL grammar. */
export function boundedNumber(min: number, max: number): Field<number> {
  return {
    parse(raw) {
      const value = readDecimal(raw);
      if (!(value >= min && value <= max)) {
        throw new RangeError(`must be between ${formatNumber(min)} and ${formatNumber(max)}, got ${formatNumber(value)}`);
      }
      return value;
    },
    encode: (value) => String(value),
  };
}

/** A whole number in [min, max], written in the DECIMAL grammar (`1e3` is 1000). */
export function boundedInteger(min: number, max: number): Field<number> {
  const number = boundedNumber(min, max);
  return {
    parse(raw) {
      const value = number.parse(raw);
      if (!Number.isInteger(value)) throw new RangeError(`must be a whole number, got ${formatNumber(value)}`);
      return value;
    },
    encode: (value) => String(value),
  };
}

/** One of a fixed list of words. */
export function oneOf<T extends string>(choices: readonly T[]): Field<T> {
  return {
    parse(raw) {
      const found = choices.find((choice) => choice === raw.trim());
      if (found === undefined) throw new RangeError(`must be one of ${choices.join(', ')}, got "${clip(raw)}"`);
      return found;
    },
    encode: (value) => value,
  };
}

/** Shortens text taken from a URL before it is quoted back to the reader (as text, never as HTML). */
export function clip(raw: string, max = 24): string {
  return raw.length > max ? `${raw.slice(0, max)}…` : raw;
}
