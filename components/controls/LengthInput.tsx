import { useEffect, useId, useState } from 'preact/hooks';
import { notebookSchema } from '~/notebook/schema.ts';
import './LengthInput.css';

interface Props {
  value: number;
  onChange: (n: number) => void;
  /** The visible label, e.g. "Sequence length n". */
  label: string;
}

const field = notebookSchema.n;

/**
 * A number field for a sequence length n (a whole number from 1 to 1000). A bad entry shows a message beside the
 * field and leaves the last good length in place.
 */
export function LengthInput({ value, onChange, label }: Props) {
  const id = useId();
  const [draft, setDraft] = useState(String(value));
  const [error, setError] = useState('');
  // Follow changes made elsewhere (a link, Restore defaults) unless the reader is mid-edit on a bad entry.
  useEffect(() => {
    if (!error) setDraft(String(value));
  }, [value]);
  const read = (raw: string) => {
    setDraft(raw);
    try {
      const n = field.parse(raw);
      setError('');
      onChange(n);
    } catch (problem) {
      setError(problem instanceof Error ? problem.message : String(problem));
    }
  };
  return (
    <label for={id} class="length-input">
      <span>{label} (1 to 1000)</span>
      <input
        id={id}
        type="number"
        min={1}
        max={1000}
        step={1}
        inputMode="numeric"
        value={draft}
        aria-invalid={error ? 'true' : 'false'}
        aria-describedby={`${id}-message`}
        onInput={(event) => read((event.currentTarget as HTMLInputElement).value)}
      />
      <span id={`${id}-message`} role="status" aria-live="polite" class={error ? 'message error' : 'visually-hidden'}>
        {error ? `n ${error}. Still showing n = ${value}.` : ''}
      </span>
    </label>
  );
}
