import { useId, useState } from 'preact/hooks';
import corpus from '../../data/corpus.txt?raw';
import { buildDictionary, encode, encodeCorpus, UNKNOWN, type Encoded } from '~/core/lm/dictionary.ts';
import { formatNumber } from '~/notebook/format.ts';
import { frameCell } from '../frameCell.tsx';
import { readSentence } from '../next-word/readSentence.ts';
import { SentenceInput } from '../next-word/SentenceInput.tsx';
import { quoteInput, shortenInput } from '../next-word/shortenInput.ts';
import './DictionaryDemo.css';

/** The vocabulary of the project's corpus, built once when the module loads. */
const dictionary = buildDictionary(corpus);
/** How many sentences the corpus holds (its non-blank lines). */
const corpusSentences = encodeCorpus(dictionary, corpus).length;

/** The sentence the cell starts with. */
export const DEFAULT_SENTENCE = 'I like French';

interface Reading {
  sentence: string;
  words: string[];
  encoded: Encoded;
}

/** Reads a sentence into words and indices, or says why it cannot. */
function read(sentence: string): Reading | string {
  const { words, refusal } = readSentence(sentence);
  return refusal || { sentence, words, encoded: encode(dictionary, words) };
}

const initial = read(DEFAULT_SENTENCE) as Reading;

const dictionaryCell = { name: 'dictionary', label: 'A sentence as word indices' };

/** A sentence typed by the reader, turned into word indices through the dictionary of the corpus. */
export default frameCell(dictionaryCell, Dictionary);

function Dictionary() {
  const id = useId();
  const [draft, setDraft] = useState(DEFAULT_SENTENCE);
  const [reading, setReading] = useState<Reading>(initial);
  const [error, setError] = useState('');
  const onInput = (raw: string) => {
    setDraft(raw);
    const next = read(raw);
    if (typeof next === 'string') {
      setError(next);
    } else {
      setError('');
      setReading(next);
    }
  };
  const { words, encoded } = reading;
  const used = new Set(encoded.indices);
  const arrow = ' \u2192 ';
  return (
    <>
      <label for={id} class="dictionary-input">
        <span>Sentence (words are lower-cased and punctuation is dropped)</span>
        <SentenceInput id={id} value={draft} invalid={error !== ''} onText={onInput} />
        <span id={`${id}-message`} role="status" aria-live="polite" class={error ? 'message error' : 'visually-hidden'}>
          {error ? `${error} Still showing the last sentence read: “${words.map((word) => shortenInput(word)).join(' ')}”.` : ''}
        </span>
      </label>
      <div aria-live="polite" class="dictionary-output">
        <ol class="dictionary-tokens" aria-label="Each word and its index">
          {words.map((word, position) => {
            const index = encoded.indices[position]!;
            const unknown = encoded.unknown.some((u) => u.position === position);
            return (
              <li key={position} class={unknown ? 'is-unknown' : undefined}>
                <span class="token-word">
                  {shortenInput(word)}
                  {unknown && (
                    <span class="token-marker" title="not in the dictionary">
                      <span aria-hidden="true">?</span>
                      <span class="visually-hidden"> (not in the dictionary)</span>
                    </span>
                  )}
                </span>
                <span class="token-index" data-quantity="index" data-value={String(index)} data-word={word}>
                  {formatNumber(index)}
                </span>
                {unknown && <span class="token-special">{UNKNOWN}</span>}
              </li>
            );
          })}
        </ol>
        {encoded.unknown.length > 0 && (
          <p class="message warning dictionary-unknown">
            Not in the dictionary: {encoded.unknown.map((u) => quoteInput(u.word)).join(', ')}.{' '}
            {encoded.unknown.length === 1 ? 'It is' : 'They are'} read as the unknown-word token{' '}
            <code>{UNKNOWN}</code>, index {formatNumber(dictionary.unknown)}: a model sees only that some unfamiliar
            word stood there.
          </p>
        )}
        <p class="dictionary-question">
          Given{' '}
          <span class="dictionary-sequence">
            {encoded.indices.map((index, position) => (
              <span key={position}>
                {position > 0 && arrow}
                <span data-quantity="index" data-value={String(index)} data-word={words[position]}>
                  {formatNumber(index)}
                </span>
              </span>
            ))}
          </span>
          , which index comes next?
        </p>
      </div>
      <details class="dictionary-list">
        <summary>
          The whole dictionary: {dictionary.words.length} entries, from the {corpusSentences} sentences of the corpus
        </summary>
        <ul>
          {dictionary.words.map((word, index) => (
            <li key={index} class={used.has(index) ? 'is-current' : undefined}>
              <span data-quantity="index" data-value={String(index)} data-word={word}>
                {formatNumber(index)}
              </span>{' '}
              <code>{word}</code>
            </li>
          ))}
        </ul>
      </details>
    </>
  );
}
