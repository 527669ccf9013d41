import { useId } from 'preact/hooks';
import type { Param } from '~/notebook/param.ts';
import { ParamLabel } from '../controls/ParamLabel.tsx';

interface Props {
  /** The lag's declaration: label, name and symbol. */
  param: Param<number>;
  value: number;
  onChange: (value: number) => void;
  /** The values the slider stops at, ascending. */
  stops: readonly number[];
}

/** The stop nearest to `value` (a link may hold a lag between two stops; the slider then sits at the nearest). */
export function nearestStop(stops: readonly number[], value: number): number {
  let best = 0;
  for (let i = 1; i < stops.length; i++) if (Math.abs(stops[i] - value) < Math.abs(stops[best] - value)) best = i;
  return best;
}

/** A labelled range input that moves over a few chosen values (the lags T of the recorded races) rather than every integer. */
export function LagSlider({ param, value, onChange, stops }: Props) {
  const id = useId();
  const index = nearestStop(stops, value);
  return (
    <label for={id}>
      <span class="label-row">
        <span><ParamLabel param={param} /></span>
        <output for={id} aria-hidden="true">{value}</output>
      </span>
      <input
        id={id}
        type="range"
        min={0}
        max={stops.length - 1}
        step={1}
        value={index}
        aria-label={param.name}
        aria-valuetext={`T = ${value}`}
        onInput={(event) => onChange(stops[Number((event.currentTarget as HTMLInputElement).value)])}
      />
    </label>
  );
}
