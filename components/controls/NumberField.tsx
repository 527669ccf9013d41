import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import type { Field } from '~/notebook/fields.ts';
import { formatNumber } from '~/notebook/format.ts';
import { useDraftField } from './useDraftField.ts';
import './NumberField.css';

interface Props {
  /** The visible label, as markup (e.g. <>learning rate η</>). */
  label: ComponentChildren;
  /** The name the message starts with, as plain text (e.g. "η"). */
  name: string;
  value: number;
  /** How the text is read and checked: normally the notebook schema's field for the key. */
  field: Field<number>;
  onChange: (value: number) => void;
  /** The allowed range, shown after the label (e.g. "0.000001 to 1"). */
  hint?: string;
  /** Whole numbers get a native number input (a spin button: arrow keys step by one) with these bounds. */
  integer?: { min: number; max: number };
}

/**
 * A labelled text field for one number, read by a notebook field. A bad entry shows a message beside the field
 * and leaves the last good value in place.
 */
export function NumberField({ label, name, value, field, onChange, hint, integer }: Props) {
  const id = useId();
  const { draft, error, read } = useDraftField(String(value), field, onChange);
  return (
    <label for={id} class="number-field">
      <span>
        {label}
        {hint && <span class="number-field-hint"> ({hint})</span>}
      </span>
      <input
        id={id}
        type={integer ? 'number' : 'text'}
        min={integer?.min}
        max={integer?.max}
        step={integer ? 1 : undefined}
        inputMode={integer ? 'numeric' : 'decimal'}
        autoComplete="off"
        spellcheck={false}
        value={draft}
        aria-invalid={error ? 'true' : 'false'}
        aria-describedby={`${id}-message`}
        onInput={(event) => read((event.currentTarget as HTMLInputElement).value)}
      />
      <span id={`${id}-message`} role="status" aria-live="polite" class={error ? 'message error' : 'visually-hidden'}>
        {error ? `${name} ${error}. Still using ${name} = ${formatNumber(value, 6)}.` : ''}
      </span>
    </label>
  );
}
