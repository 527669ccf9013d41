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
 * URL can be read without the parameters' declarations. A 'step' is a whole number 1..maxLength, or empty for n.
 */
export type FieldSpec =
  | readonly ['real', number, number]
  | readonly ['integer', number, number]
  | readonly ['sequence', number]
  | readonly ['step', number]
  | readonly ['choice', readonly string[]];

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

/** A finite number in [min, max]. */
export function boundedNumber(min: number, max: number): Field<number> {
  return {
    parse(raw) {
      const text = raw.trim();
      const value = text === '' ? NaN : Number(text);
      if (!Number.isFinite(value)) throw new RangeError(`must be a number, got "${clip(raw)}"`);
      if (value < min || value > max) {
        throw new RangeError(`must be between ${formatNumber(min)} and ${formatNumber(max)}, got ${formatNumber(value)}`);
      }
      return value;
    },
    encode: (value) => String(value),
  };
}

/** A whole number in [min, max]. */
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
