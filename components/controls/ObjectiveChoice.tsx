import { useId } from 'preact/hooks';
import type { Objective } from '~/core';
import './ObjectiveChoice.css';

interface Props {
  value: Objective;
  onChange: (objective: Objective) => void;
  /** The declaration `bind` passes along; the options' words are the objective's own. */
  param?: unknown;
}


/** A radio group choosing the error E: the final step's only, or the sum over every step. */
export function ObjectiveChoice({ value, onChange }: Props) {
  const name = useId();
  const option = (objective: Objective, label: string, formula: preact.ComponentChildren) => (
    <label class="objective-option">
      <input type="radio" name={name} value={objective} checked={value === objective} onChange={() => onChange(objective)} />
      <span>
        {label} <span class="objective-formula">{formula}</span>
      </span>
    </label>
  );
  return (
    <fieldset class="objective-choice">
      <legend>Error E</legend>
      {option('final', 'final step', <>E = ½(s<sub>n</sub> − t<sub>n</sub>)²</>)}
      {option('every-step', 'every step', <>E = Σ<sub>k</sub> ½(s<sub>k</sub> − t<sub>k</sub>)²</>)}
    </fieldset>
  );
}
