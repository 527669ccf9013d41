import type { Params } from '~/core/lm/index.ts';
import { trainedModel } from '../demos/nextWordModel.ts';
import type { RunPlan, TrainingRun } from './trainingRun.ts';

interface Props {
  plan: RunPlan | null;
  /** The weights after the latest finished epoch (null before the first). */
  snapshot: TrainingRun['snapshot'];
}

/** The button that hands the latest trained weights to the predictor and the hidden-state view, with a note on which are in use. */
export function UseTrainedWeights({ plan, snapshot }: Props) {
  const using = trainedModel.value;
  const usingThese = using !== null && snapshot !== null && using.epoch === snapshot.epoch && using.epochs === plan?.epochs;
  const onUse = () => {
    if (snapshot === null || plan === null) return;
    const params: Params = { ...snapshot.weights };
    trainedModel.value = { params, dict: plan.dict, meta: {}, source: 'trained', epoch: snapshot.epoch, epochs: plan.epochs };
  };
  return (
    <div class="row trainer-use">
      <button type="button" onClick={onUse} disabled={snapshot === null}>Use these weights in the predictor</button>
      <span class="trainer-use-note" aria-live="polite">
        {snapshot === null
          ? 'Available after the first epoch.'
          : usingThese
            ? `The predictor above uses the weights after epoch ${snapshot.epoch}.`
            : `Latest weights: after epoch ${snapshot.epoch}.`}
      </span>
    </div>
  );
}
