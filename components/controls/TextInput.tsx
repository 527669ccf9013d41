import type { JSX } from 'preact';
import { useLayoutEffect, useState } from 'preact/hooks';

type Props = Omit<JSX.InputHTMLAttributes<HTMLInputElement>, 'type' | 'value' | 'class' | 'className'> & { value: string };

/**
 * A one-line text field that becomes an `<input>` when its cell comes alive. Until then (the server-rendered page, a
 * reader without JavaScript, the moment before hydration) it is a box of the same size holding the same text: a field
 * nobody can type into yet is not offered as one.
 *
 * The reason is the browser's load, not looks. Once a document is parsed, Chromium's form autofill reads every text
 * field in it and lays out what surrounds each one to see whether it shows; a field inside a chapter block that
 * `content-visibility` skips makes it lay out that whole cell then, a long task per cell with a field (three on
 * /backpropagation-through-a-layer/). Without fields in the parsed page there is nothing to read until a cell
 * hydrates, near the viewport, where it is laid out anyway.
 *
 * The input replaces the box in a layout effect, before the hydrated cell is painted.
 */
export function TextInput({ value, id, ...rest }: Props) {
  const [live, setLive] = useState(false);
  useLayoutEffect(() => setLive(true), []);
  if (!live) {
    return (
      <span id={id} class="text-input-static">
        {value}
      </span>
    );
  }
  return <input {...rest} id={id} type="text" value={value} />;
}
