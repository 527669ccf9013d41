import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import { formatNumber } from '~/notebook/format.ts';
import { WEIGHT_RANGE } from '~/notebook/schema.ts';

interface Props {
  /** The symbol, as markup: e.g. <>w<sub>rec</sub></>. */
  symbol: ComponentChildren;
  /** Plain-text name for assistive technology, e.g. "w rec". */
  name: string;
  value: number;
  onInput: (value: number) => void;
  min?: number;
  max?: number;
  step?: number;
}

/** A labelled range input for one weight, with its value shown by the site's formatter. */
export function WeightSlider({ symbol, name, value, onInput, min = WEIGHT_RANGE.min, max = WEIGHT_RANGE.max, step = 0.01 }: Props) {
  const id = useId();
  return (
    <label for={id}>
      <span class="label-row">
        <span>{symbol}</span>
        <output for={id} aria-hidden="true">{formatNumber(value)}</output>
      </span>
      <input
        id={id}
        type="range"
        min={min}
        max={max}
        step={step}
        value={value}
        aria-label={name}
        aria-valuetext={formatNumber(value)}
        onInput={(event) => onInput(Number((event.currentTarget as HTMLInputElement).value))}
      />
    </label>
  );
}
