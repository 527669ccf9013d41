import { describe, expect, it } from 'vitest';
import { MAX_EPOCHS, readEpochs } from '@components/next-word/readEpochs.ts';
import { boundedInteger } from '~/notebook/fields.ts';

describe('readEpochs', () => {
  it.each([
    // whole numbers from 1 to MAX_EPOCHS are read
    ['1', 1],
    ['300', 300],
    [String(MAX_EPOCHS), MAX_EPOCHS],
    // in the decimal grammar every numeric field reads
    ['1e3', 1000],
    ['20.0', 20],
  ])('readEpochs(%j) is %i', (text, expected) => {
    expect(readEpochs(text)).toBe(expected);
  });

  it.each([
    // out of range
    ['0'],
    ['1001'],
    ['1e308'],
    // not whole
    ['2.5'],
  ])('readEpochs(%j) refuses it, quoting the text', (text) => {
    expect(readEpochs(text)).toBe(`Epochs must be a whole number from 1 to 1000, got “${text}”.`);
  });

  it.each([
    // nothing typed
    [''],
    ['  '],
    // a hexadecimal or binary prefix, a comma for the point, spaces around the number
    ['0x10'],
    ['0b1'],
    ['1,5'],
    [' 3 '],
    // no digit before the point
    ['.5e3'],
    // words Number reads
    ['Infinity'],
  ])('readEpochs(%j) refuses text outside the decimal grammar in the wording every numeric field uses', (text) => {
    let reason = '';
    try {
      boundedInteger(1, MAX_EPOCHS).parse(text);
    } catch (error) {
      reason = (error as Error).message;
    }
    expect(reason).toMatch(/^must be a decimal number/);
    expect(readEpochs(text)).toBe(`Epochs ${reason}.`);
  });
});
