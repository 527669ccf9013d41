import { useId } from 'preact/hooks';
import { SentenceInput } from './SentenceInput.tsx';
import type { SentenceView } from './useSentence.ts';
import './SentenceField.css';

interface Props {
  /** The page's shared sentence as the cell uses it (`useSentence`). */
  sentence: SentenceView;
  /** Whether the weights are loaded (until then the field is disabled: the dictionary is not known yet). */
  ready: boolean;
}

/** A labelled field for the page's shared sentence, with the reason beside it when a sentence is refused. */
export function SentenceField({ sentence, ready }: Props) {
  const id = useId();
  const { draft, refusal, onText, words } = sentence;
  return (
    <label for={id} class="sentence-field">
      <span>Sentence</span>
      <SentenceInput id={id} value={draft} invalid={refusal !== ''} disabled={!ready} onText={onText} />
      <span id={`${id}-message`} role="status" aria-live="polite" class={refusal ? 'message error' : 'visually-hidden'}>
        {refusal ? `${refusal} Still showing the last sentence read: “${words.join(' ')}”.` : ''}
      </span>
    </label>
  );
}
