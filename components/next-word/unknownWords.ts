import { encode, UNKNOWN, type Dictionary } from '~/core/lm/index.ts';
import { quoteInput } from './shortenInput.ts';

/**
 * Why a next-word cell refuses words its dictionary lacks ('' when it knows them all). Each unknown word is quoted
 * once, shortened if long: the message must fit a phone's screen whatever was typed or linked.
 */
export function unknownWords(dict: Dictionary, words: readonly string[]): string {
  const { unknown } = encode(dict, words);
  if (unknown.length === 0) return '';
  const list = unknown.map((u) => quoteInput(u.word)).join(', ');
  const one = unknown.length === 1;
  return (
    `${list} ${one ? 'is' : 'are'} not in the dictionary (the ${dict.words.length - 3} words of the corpus). ` +
    `The model never read ${UNKNOWN} while it was trained, so its input column for an unknown word is still random: ` +
    `rather than guess, the cell refuses the sentence. Replace or remove ${one ? 'that word' : 'those words'}.`
  );
}
