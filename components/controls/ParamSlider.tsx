import { useId } from 'preact/hooks';
import type { Param } from '~/notebook/param.ts';
import { formatNumber } from '~/notebook/format.ts';
import { ParamLabel } from './ParamLabel.tsx';

interface Props {
  /** The parameter: its label, its accessible name and its range come from its declaration. */
  param: Param<number>;
  value: number;
  onChange: (value: number) => void;
  /** A narrower range than the declaration's, where the rest of the state bounds it (τ ≤ n). */
  min?: number;
  max?: number;
}

/** A labelled range input for one parameter, with its value shown by the site's formatter. */
export function ParamSlider({ param, value, onChange, min, max }: Props) {
  const id = useId();
  const range = param.range ?? { min: 0, max: 1, step: 0.01 };
  return (
    <label for={id}>
      <span class="label-row">
        <span><ParamLabel param={param} /></span>
        <output for={id} aria-hidden="true">{formatNumber(value)}</output>
      </span>
      <input
        id={id}
        type="range"
        min={min ?? range.min}
        max={max ?? range.max}
        step={range.step}
        value={value}
        aria-label={param.name}
        aria-valuetext={formatNumber(value)}
        onInput={(event) => onChange(Number((event.currentTarget as HTMLInputElement).value))}
      />
    </label>
  );
}
