import type { Reads } from '~/notebook/notebook.ts';
import { RACERS, type RacerParamKey } from '~/notebook/optimizers.ts';
import { bind } from '../controls/bind.ts';
import { ParamField } from '../controls/ParamField.tsx';
import * as trainingParams from '~/notebook/params/training.ts';

/**
 * The settings form: one fieldset per racer with a field per hyper-parameter, all from the racer registry, and the
 * remedies (clipping θ, penalty λ) when asked for.
 */
export function RaceSettings({ notebook, showRemedies }: { notebook: Reads<RacerParamKey | 'clip' | 'lambda'>; showRemedies: boolean }) {
  return (
    <div class="trainer-settings">
      {RACERS.map((racer) => (
        <fieldset key={racer.kind}>
          <legend>{racer.label}</legend>
          {racer.params.map((param) => (
            <ParamField key={param.key} {...bind(notebook, param)} />
          ))}
        </fieldset>
      ))}
      {showRemedies && (
        <fieldset>
          <legend>Remedies</legend>
          <ParamField {...bind(notebook, trainingParams.clip)} />
          <ParamField {...bind(notebook, trainingParams.lambda)} />
        </fieldset>
      )}
    </div>
  );
}
