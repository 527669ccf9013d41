import { describe, expect, it } from 'vitest';
import { MAX_EPOCHS, readEpochs } from '@components/next-word/readEpochs.ts';

describe('readEpochs', () => {
  it.each([
    // whole numbers from 1 to MAX_EPOCHS are read
    ['1', 1],
    ['300', 300],
    [String(MAX_EPOCHS), MAX_EPOCHS],
  ])('readEpochs(%j) is %i', (text, expected) => {
    expect(readEpochs(text)).toBe(expected);
  });

  it.each([
    // out of range
    ['0'],
    ['1001'],
    // not whole
    ['2.5'],
    // nothing typed
    [''],
    ['  '],
  ])('readEpochs(%j) refuses it, quoting the text', (text) => {
    expect(readEpochs(text)).toBe(`Epochs must be a whole number from 1 to 1000, got “${text}”.`);
  });
});
