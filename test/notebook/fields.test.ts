import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binarySequence, boundedInteger, boundedNumber, clip, fieldOf, oneOf } from '~/notebook/fields.ts';

describe('binarySequence', () => {
  const field = binarySequence(5);
  it.each([
    // digits, with spaces and commas allowed between them
    ['0110', [0, 1, 1, 0]],
    ['0, 1 1', [0, 1, 1]],
    ['11111', [1, 1, 1, 1, 1]],
  ])('parse(%j) reads %j', (raw, expected) => {
    expect(field.parse(raw)).toEqual(expected);
  });
  it.each([
    // a letter names itself and its position
    ['01a1', /"a" at position 3/],
    // an empty field
    ['', /empty/],
    ['  ', /empty/],
    // too long for this field's limit of 5
    ['010101', /6 steps: at most 5/],
    // other digits
    ['0120', /"2" at position 3/],
  ])('parse(%j) throws a RangeError matching %s', (raw, message) => {
    expect(() => field.parse(raw)).toThrow(RangeError);
    expect(() => field.parse(raw)).toThrow(message);
  });
  it('encodes as digits', () => {
    expect(field.encode([0, 1, 1])).toBe('011');
  });
});

describe('boundedNumber and boundedInteger', () => {
  it.each([
    // in range
    ['0.5', 0.5],
    ['-3', -3],
    ['3', 3],
    ['1e-1', 0.1],
    ['+2.5E-1', 0.25],
  ])('boundedNumber(-3, 3).parse(%j) is %s', (raw, value) => {
    expect(boundedNumber(-3, 3).parse(raw)).toBe(value);
  });
  it.each([
    ['abc', /must be a decimal number .*, got "abc"/],
    ['', /must be a decimal number/],
    ['NaN', /must be a decimal number/],
    ['Infinity', /must be a decimal number/],
    ['4', /between \u22123 and 3, got 4/],
    // grammatical, but past the largest double
    ['1e400', /between \u22123 and 3, got \u221e/],
  ])('boundedNumber(-3, 3).parse(%j) throws %s', (raw, message) => {
    expect(() => boundedNumber(-3, 3).parse(raw)).toThrow(message);
  });
  it('boundedInteger refuses fractions', () => {
    expect(boundedInteger(1, 10).parse('7')).toBe(7);
    expect(() => boundedInteger(1, 10).parse('2.5')).toThrow(/whole number/);
  });
});

describe('oneOf and clip', () => {
  it('oneOf accepts only its choices', () => {
    const field = oneOf(['final', 'every-step'] as const);
    expect(field.parse('every-step')).toBe('every-step');
    expect(() => field.parse('all')).toThrow(/one of final, every-step, got "all"/);
  });
  it('clip shortens long text with an ellipsis', () => {
    expect(clip('x'.repeat(30), 24)).toBe(`${'x'.repeat(24)}…`);
    expect(clip('short')).toBe('short');
  });
});

describe('fieldOf(spec)', () => {
  it.each([
    // each kind reads what its builder reads
    [['real', -3, 3], '0.5', 0.5],
    [['integer', 1, 50], '12', 12],
    [['sequence', 5], '0110', [0, 1, 1, 0]],
    [['step', 5], '3', 3],
    [['choice', ['final', 'every-step']], 'every-step', 'every-step'],
  ] as const)('fieldOf(%j).parse(%j) is %j', (spec, raw, value) => {
    expect(fieldOf(spec).parse(raw)).toEqual(value);
  });

  it.each([
    [['real', -3, 3], '9'],
    [['integer', 1, 50], '2.5'],
    [['step', 5], '6'],
    [['choice', ['final', 'every-step']], 'sum'],
  ] as const)('fieldOf(%j) refuses %j with a RangeError', (spec, raw) => {
    expect(() => fieldOf(spec).parse(raw)).toThrow(RangeError);
  });

  it('writes a step of null (the last step) as nothing, and makes each spec\'s field once', () => {
    const spec = ['step', 5] as const;
    expect(fieldOf(spec).encode(null)).toBe('');
    expect(fieldOf(spec).encode(4)).toBe('4');
    expect(fieldOf(spec)).toBe(fieldOf(spec));
  });
});

/** The smallest positive normal double, 2^−1022: below it (and above 0) a double is subnormal. */
const SMALLEST_NORMAL = 2 ** -1022;

describe('the decimal grammar every numeric field reads', () => {
  // The widest real field: only the grammar and the size of a double limit what it reads.
  const wide = boundedNumber(-Number.MAX_VALUE, Number.MAX_VALUE);
  const refusal = (raw: string) => {
    try {
      wide.parse(raw);
    } catch (error) {
      return error instanceof RangeError ? error.message : `not a RangeError: ${String(error)}`;
    }
    return 'read';
  };
  const sign = fc.constantFrom('', '+', '-');
  const digits = (max: number) => fc.stringMatching(new RegExp(`^[0-9]{1,${max}}$`));
  /** A string the grammar describes: sign, digits, an optional fraction, an optional exponent. */
  const decimal = fc
    .tuple(sign, digits(20), fc.option(digits(20)), fc.option(fc.tuple(fc.constantFrom('e', 'E'), sign, digits(3))))
    .map(([s, whole, fraction, exponent]) => `${s}${whole}${fraction === null ? '' : `.${fraction}`}${exponent === null ? '' : exponent.join('')}`);
  /** The text with `insert` put in at a position chosen by `at` (0..1). */
  const insertAt = (text: string, insert: string, at: number) => {
    const i = Math.floor(at * (text.length + 1));
    return `${text.slice(0, i)}${insert}${text.slice(i)}`;
  };
  const position = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });
  const NOT_DECIMAL = /^must be a decimal number .*, got "/;

  it('reads every string of the grammar as Number(s), or refuses it when it is past a double or subnormal', () => {
    fc.assert(
      fc.property(decimal, (text) => {
        const value = Number(text);
        const mantissaIsZero = !/[1-9]/.test(text.split(/[eE]/)[0]);
        if (!Number.isFinite(value)) expect(refusal(text)).toMatch(/between/);
        else if (value === 0 ? !mantissaIsZero : Math.abs(value) < SMALLEST_NORMAL) expect(refusal(text)).toMatch(/too small/);
        else expect(wide.parse(text)).toBe(value);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads written numbers of every size: the grammar covers what encode writes', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        fc.pre(value === 0 || Math.abs(value) >= SMALLEST_NORMAL);
        // -0 is written "0" and read back as 0
        expect(wide.parse(wide.encode(value))).toBe(value === 0 ? 0 : value);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses a hexadecimal, binary or octal prefix', () => {
    const prefixed = fc
      .tuple(sign, fc.constantFrom('0x', '0X', '0b', '0B', '0o', '0O'), fc.stringMatching(/^[0-9a-fA-F]{1,8}$/))
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(prefixed, (text) => {
        expect(refusal(text)).toMatch(NOT_DECIMAL);
      }),
    );
  });

  it('refuses a comma, as the point or anywhere', () => {
    fc.assert(
      fc.property(decimal, position, (text, at) => {
        expect(refusal(insertAt(text.replace('.', ','), ',', at))).toMatch(NOT_DECIMAL);
      }),
    );
  });

  it('refuses whitespace before or after the number', () => {
    const space = fc.stringMatching(/^[ \t\n\r\u00a0\u2003\ufeff]{1,3}$/);
    fc.assert(
      fc.property(decimal, space, fc.boolean(), (text, blank, before) => {
        expect(refusal(before ? `${blank}${text}` : `${text}${blank}`)).toMatch(NOT_DECIMAL);
      }),
    );
  });

  it('refuses any character outside the grammar, wherever it is', () => {
    const foreign = fc
      .integer({ min: 0, max: 0x10ffff })
      .map((code) => String.fromCodePoint(code))
      .filter((c) => !/[0-9+\-.eE]/.test(c));
    fc.assert(
      fc.property(decimal, foreign, position, (text, c, at) => {
        expect(refusal(insertAt(text, c, at))).toMatch(NOT_DECIMAL);
      }),
    );
  });

  it.each([
    // a point needs a digit on each side
    ['.5'],
    ['5.'],
    ['-.5'],
    // nothing, or only a sign or an exponent
    [''],
    ['-'],
    ['1e'],
    ['e5'],
    ['1e+'],
    // two signs, two points
    ['--1'],
    ['1e+-2'],
    ['1.2.3'],
    // words JavaScript's Number reads
    ['Infinity'],
    ['-Infinity'],
    ['NaN'],
    // digit separators and other scripts' digits
    ['1_000'],
    ['\u0661\u0662'],
    // the minus sign the site shows numbers with is not typed as a sign
    ['\u22121'],
  ])('refuses %j with the one wording', (text) => {
    expect(refusal(text)).toMatch(NOT_DECIMAL);
  });

  it('whole-number fields read the same grammar, with the same wording', () => {
    const whole = boundedInteger(0, 1000);
    expect(whole.parse('1e3')).toBe(1000);
    expect(whole.parse('20.0')).toBe(20);
    for (const text of ['0x10', '0b1', ' 1 ', '1,5', '.5']) {
      expect(() => whole.parse(text)).toThrow(refusal(text));
    }
  });

  it.each([
    // the largest subnormal, the smallest, and one written in decimal
    [String(SMALLEST_NORMAL - Number.MIN_VALUE)],
    [String(Number.MIN_VALUE)],
    ['1e-320'],
    ['-1e-320'],
    // a nonzero number so small it rounds to 0
    ['1e-400'],
  ])('refuses %j, nonzero and smaller than the smallest normal double, saying so', (text) => {
    expect(refusal(text)).toMatch(/too small.*2\.2250738585072014e-308/);
  });

  it('reads the smallest normal double, and zero written any way', () => {
    expect(wide.parse('2.2250738585072014e-308')).toBe(SMALLEST_NORMAL);
    expect(wide.parse('0e-400')).toBe(0);
    expect(wide.parse('0.000')).toBe(0);
  });
});
