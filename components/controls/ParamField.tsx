import { useId } from 'preact/hooks';
import type { Param } from '~/notebook/param.ts';
import { formatNumber } from '~/notebook/format.ts';
import { ParamLabel } from './ParamLabel.tsx';
import { TextInput } from './TextInput.tsx';
import { useDraftField } from './useDraftField.ts';
import './ParamField.css';

interface Props<T extends number | number[]> {
  /** The parameter: its label, name, hint, range and how its text is read all come from its declaration. */
  param: Param<T>;
  value: T;
  onChange: (value: T) => void;
}

/**
 * A labelled text field for one parameter (a number, or a 0/1 sequence), read by the parameter's own field as the
 * reader types. A bad entry shows a message beside the field and leaves the last good value in place. Whole numbers
 * get a numeric keyboard, not a number input, which would rewrite what the reader is typing.
 */
export function ParamField<T extends number | number[]>({ param, value, onChange }: Props<T>) {
  const id = useId();
  const { draft, error, read } = useDraftField(param.field.encode(value), param.field, onChange);
  const { name, hint, integer } = param;
  const sequence = Array.isArray(value);
  const still = sequence ? `Still showing the last valid sequence (${value.length} steps).` : `Still using ${name} = ${formatNumber(value, 6)}.`;
  return (
    <label for={id} class={sequence ? 'param-field sequence-input' : 'param-field'}>
      <span>
        <ParamLabel param={param} />
        {hint && <span class="param-field-hint"> ({hint})</span>}
      </span>
      <TextInput
        id={id}
        inputMode={integer || sequence ? 'numeric' : 'decimal'}
        autoComplete="off"
        spellcheck={false}
        value={draft}
        aria-invalid={error ? 'true' : 'false'}
        aria-describedby={`${id}-message`}
        onInput={(event) => read((event.currentTarget as HTMLInputElement).value)}
      />
      <span id={`${id}-message`} role="status" aria-live="polite" class={error ? 'message error' : 'visually-hidden'}>
        {error ? `${sequence ? '' : `${name} `}${error}. ${still}` : ''}
      </span>
    </label>
  );
}
