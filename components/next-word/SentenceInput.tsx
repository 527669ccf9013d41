import { TextInput } from '../controls/TextInput.tsx';

interface Props {
  /** The input's id; its message is the element with id `${id}-message`. */
  id: string;
  value: string;
  /** Whether the last text typed was refused. */
  invalid: boolean;
  disabled?: boolean;
  onText: (text: string) => void;
}

/** A text input for a sentence (no autocomplete, no spell check), described by its message. */
export function SentenceInput({ id, value, invalid, disabled, onText }: Props) {
  return (
    <TextInput
      id={id}
      autoComplete="off"
      spellcheck={false}
      value={value}
      disabled={disabled}
      aria-invalid={invalid ? 'true' : 'false'}
      aria-describedby={`${id}-message`}
      onInput={(event) => onText((event.currentTarget as HTMLInputElement).value)}
    />
  );
}
