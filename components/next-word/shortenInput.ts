/** The most characters of a reader's word shown before it is shortened. */
export const SHOWN_CHARACTERS = 24;

const count = new Intl.NumberFormat('en');

/** The first `max` characters of `text` (whole code points, so no emoji is cut in half), and how many it has. */
function cut(text: string, max: number): { start: string; length: number } {
  const characters = Array.from(text);
  return { start: characters.slice(0, max).join(''), length: characters.length };
}

/** A word the reader typed, as a cell shows it: whole, or past `max` characters its start, an ellipsis and its length. */
export function shortenInput(text: string, max = SHOWN_CHARACTERS): string {
  const { start, length } = cut(text, max);
  return length > max ? `${start}… (${count.format(length)} characters)` : text;
}

/** A word the reader typed, in quotation marks: “word”, or past `max` characters “start…” (10,000 characters). */
export function quoteInput(text: string, max = SHOWN_CHARACTERS): string {
  const { start, length } = cut(text, max);
  return length > max ? `“${start}…” (${count.format(length)} characters)` : `“${text}”`;
}
