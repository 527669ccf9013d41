import { describe, expect, it } from 'vitest';
import { quoteInput, SHOWN_CHARACTERS, shortenInput } from '@components/next-word/shortenInput.ts';

const long = 'a'.repeat(10_000);
const start = 'a'.repeat(SHOWN_CHARACTERS);

describe('quoteInput and shortenInput', () => {
  it.each([
    ['a short word: quoted whole', 'croissant', '“croissant”', 'croissant'],
    ['exactly the limit: still whole', start, `“${start}”`, start],
    ['one past the limit: shortened, with its length', `${start}b`, `“${start}…” (${SHOWN_CHARACTERS + 1} characters)`, `${start}… (${SHOWN_CHARACTERS + 1} characters)`],
    ['10,000 characters: the length grouped in thousands', long, `“${start}…” (10,000 characters)`, `${start}… (10,000 characters)`],
  ])('quoteInput and shortenInput of %s', (_case, text, quoted, shortened) => {
    expect(quoteInput(text)).toBe(quoted);
    expect(shortenInput(text)).toBe(shortened);
  });

  it('counts and cuts whole characters, never half of an emoji', () => {
    const word = '😀'.repeat(30);
    expect(quoteInput(word, 2)).toBe('“😀😀…” (30 characters)');
  });
});
