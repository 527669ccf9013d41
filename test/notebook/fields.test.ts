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
    [' 1e-1 ', 0.1],
  ])('boundedNumber(-3, 3).parse(%j) is %s', (raw, value) => {
    expect(boundedNumber(-3, 3).parse(raw)).toBe(value);
  });
  it.each([
    ['abc', /must be a number, got "abc"/],
    ['', /must be a number/],
    ['NaN', /must be a number/],
    ['Infinity', /must be a number/],
    ['4', /between \u22123 and 3, got 4/],
    ['1e400', /must be a number/],
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
