import { useEffect, useState } from 'preact/hooks';
import type { Field } from '~/notebook/fields.ts';

/**
 * The text of a field that is read by a notebook field as the reader types: `draft` is what the input shows, `error`
 * the reason the last entry was refused ('' when it was read), and `read` takes a new entry, passing what it reads to
 * `onChange` and keeping the last good value otherwise. The draft follows `text` (the current value as text) when it
 * changes elsewhere (a link, another cell, Restore defaults) unless the reader is mid-edit on a bad entry; it is never
 * rewritten to the value it was just read as.
 */
export function useDraftField<T>(text: string, field: Field<T>, onChange: (value: T) => void) {
  const [draft, setDraft] = useState(text);
  const [error, setError] = useState('');
  useEffect(() => {
    // The reader's own entry (`1e3` for 1000) stays as typed: only a value set elsewhere replaces the text.
    if (!error && !reads(field, draft, text)) setDraft(text);
  }, [text]);
  const read = (raw: string) => {
    setDraft(raw);
    try {
      const parsed = field.parse(raw);
      setError('');
      onChange(parsed);
    } catch (problem) {
      setError(problem instanceof Error ? problem.message : String(problem));
    }
  };
  return { draft, error, read };
}

/** Whether `draft` reads as the value whose text is `text`. */
function reads<T>(field: Field<T>, draft: string, text: string): boolean {
  try {
    return field.encode(field.parse(draft)) === text;
  } catch {
    return false;
  }
}
