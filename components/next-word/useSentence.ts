import { useEffect, useRef, useState } from 'preact/hooks';
import { tokenize } from '~/core/lm/tokenize.ts';
import type { Reads } from '~/notebook/notebook.ts';
import type { PageModel } from '../demos/nextWordModel.ts';
import { readSentence } from './readSentence.ts';
import { unknownWords } from './unknownWords.ts';

/** What a next-word cell shows of the page's shared sentence. */
export interface SentenceView {
  /** The words the cell computes with: the shared sentence once the model knows them all, else the last that it did. */
  readonly words: readonly string[];
  /** Why the typed text or the shared sentence cannot be read ('' when it can). */
  readonly refusal: string;
  /** The sentence field's text. */
  readonly draft: string;
  /** Reads a typed sentence: with the model's dictionary, into the shared sentence, or into a refusal. */
  readonly onText: (text: string) => void;
}

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((word, i) => word === b[i]);

/**
 * The page's shared sentence (the notebook's `sentence`) as a next-word cell uses it. Which words a dictionary lacks
 * is known only once the weights are loaded: until then the cell shows `initial` (what the build computed), and a
 * sentence with an unknown word (from a link) is refused, leaving the last good one shown. Typed text is read
 * leniently (punctuation and capitals are dropped, as `tokenize` drops them) and written to the shared sentence only
 * when the dictionary knows every word, so every cell of the page follows it and the link reproduces it.
 */
export function useSentence(notebook: Reads<'sentence'>, model: PageModel | undefined, initial: { sentence: string; words: readonly string[] }): SentenceView {
  const shared = notebook.state.sentence.value;
  const [draft, setDraft] = useState(initial.sentence);
  const [typed, setTyped] = useState('');
  const good = useRef<readonly string[]>(initial.words);
  let linked = '';
  if (model !== undefined) {
    linked = unknownWords(model.dict, shared);
    if (!linked) good.current = shared;
  }
  // A sentence set elsewhere (a link, another cell, Restore defaults) replaces the text, unless the text reads as it.
  useEffect(() => {
    if (!same(tokenize(draft), shared)) {
      setDraft(shared.join(' '));
      setTyped('');
    }
  }, [shared]);
  const onText = (text: string) => {
    setDraft(text);
    if (model === undefined) return;
    const { words, refusal } = readSentence(text);
    const problem = refusal || unknownWords(model.dict, words);
    setTyped(problem);
    if (!problem) notebook.state.sentence.value = words;
  };
  return { words: good.current, refusal: typed || linked, draft, onText };
}
