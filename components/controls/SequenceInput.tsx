import { useId } from 'preact/hooks';
import { binarySequence, MAX_SEQUENCE_LENGTH } from '~/notebook/fields.ts';
import { useDraftField } from './useDraftField.ts';

interface Props {
  value: number[];
  onChange: (x: number[]) => void;
}

const field = binarySequence(MAX_SEQUENCE_LENGTH);

/**
 * A text field for the input sequence x as 0/1 digits. A bad entry shows a message beside the field and leaves
 * the last good sequence in place.
 */
export function SequenceInput({ value, onChange }: Props) {
  const id = useId();
  const { draft, error, read } = useDraftField(value.join(''), field, onChange);
  return (
    <label for={id} class="sequence-input">
      <span>Input sequence x (0s and 1s, up to {MAX_SEQUENCE_LENGTH})</span>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        spellcheck={false}
        value={draft}
        aria-invalid={error ? 'true' : 'false'}
        aria-describedby={`${id}-message`}
        onInput={(event) => read((event.currentTarget as HTMLInputElement).value)}
      />
      <span id={`${id}-message`} role="status" aria-live="polite" class={error ? 'message error' : 'visually-hidden'}>
        {error ? `${error}. Still showing the last valid sequence (${value.length} steps).` : ''}
      </span>
    </label>
  );
}
