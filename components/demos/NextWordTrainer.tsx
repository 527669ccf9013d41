import { useEffect, useState } from 'preact/hooks';
import type { LmTrainOptions } from '~/core/lm/index.ts';
import { formatNumber } from '~/notebook/format.ts';
import { frameCell } from '../frameCell.tsx';
import { EpochLossCurve } from '../charts/EpochLossCurve.tsx';
import { EpochSamples } from '../next-word/EpochSamples.tsx';
import { LossTable } from '../next-word/LossTable.tsx';
import { readEpochs } from '../next-word/readEpochs.ts';
import { TrainerSettings } from '../next-word/TrainerSettings.tsx';
import { TrainingProgress } from '../next-word/TrainingProgress.tsx';
import { TrainingSummary } from '../next-word/TrainingSummary.tsx';
import { UseTrainedWeights } from '../next-word/UseTrainedWeights.tsx';
import { useTrainingRun } from '../next-word/useTrainingRun.ts';
import { trainedModel, type NextWordInitial } from './nextWordModel.ts';
import './NextWordTrainer.css';

interface Props {
  /** Carries the shipped run's hyper-parameters and final loss, read from the weights file at build time. */
  initial: NextWordInitial;
}

const nextWordTrainer = { name: 'next-word-trainer', label: 'Train the next-word model in the browser' };

/**
 * Trains the next-word model from scratch in a Web Worker on the training part of the corpus, with progress, the
 * loss on the training part and on the held-out sentences epoch by epoch, and samples.
 */
export default frameCell(nextWordTrainer, Trainer);

function Trainer({ initial }: Props) {
  const hyper = initial.hyperParameters;
  const defaultEpochs = Number(hyper.epochs) || 300;
  const [epochsText, setEpochsText] = useState(String(defaultEpochs));
  const chosen = readEpochs(epochsText);
  const epochsError = typeof chosen === 'string' ? chosen : '';
  const training = useTrainingRun();
  const { phase, plan, epochs, finalLoss, finalHeldOutLoss } = training;
  // False on the server and in the hydrating render: without JavaScript the controls stay disabled.
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  // Weights handed to the predictor come from the current run: discarding the run returns it to the shipped ones.
  const discardRun = () => {
    if (trainedModel.peek() !== null) trainedModel.value = null;
  };
  const seconds = training.elapsedMs / 1000;
  const first = epochs[0];
  const last = epochs[epochs.length - 1];
  const shipped = formatNumber(initial.finalLoss);
  const shippedHeldOut = formatNumber(initial.heldOutLoss);
  const description =
    first === undefined || last === undefined
      ? `Loss curves, empty until training starts. The shipped weights reached a mean loss of ${shipped} nats per word on the training part and ${shippedHeldOut} on the held-out sentences.`
      : `Loss curves: the mean loss per word on the training part went from ${formatNumber(first.loss)} at epoch 1 to ${formatNumber(last.loss)} at epoch ${last.epoch}, on the held-out sentences from ${formatNumber(first.heldOutLoss)} to ${formatNumber(last.heldOutLoss)}; the shipped weights reached ${shipped} and ${shippedHeldOut}.`;
  const done = phase === 'done' && finalLoss !== null && finalHeldOutLoss !== null;
  const latest =
    done
      ? { epoch: last?.epoch ?? 0, trainLoss: finalLoss, heldOutLoss: finalHeldOutLoss, final: true }
      : last === undefined
        ? null
        : { epoch: last.epoch, trainLoss: last.loss, heldOutLoss: last.heldOutLoss, final: false };

  return (
    <>
      <fieldset class="trainer-settings" disabled={!ready}>
        <legend class="visually-hidden">Training settings</legend>
        <TrainerSettings
          hyper={hyper}
          sentences={initial.sentences}
          epochsText={epochsText}
          epochsError={epochsError}
          onEpochsText={setEpochsText}
          phase={phase}
          onStart={() => {
            if (typeof chosen !== 'number') return;
            discardRun();
            training.start({ ...(hyper as LmTrainOptions), epochs: chosen }, initial.split);
          }}
          onPause={training.pause}
          onResume={training.resume}
          onReset={() => {
            discardRun();
            training.reset();
          }}
        />
      </fieldset>
      {!ready && <p class="message">Training runs in your browser and needs JavaScript: without it, these controls are disabled.</p>}
      {phase === 'error' && (
        <p class="message error" role="alert">
          Training stopped: {training.error}. Press Reset, then start again.
        </p>
      )}
      <TrainingProgress phase={phase} plan={plan} step={training.step} seconds={seconds} />
      <figure class="trainer-curve">
        <EpochLossCurve
          stepLosses={training.losses}
          stepsPerEpoch={plan?.stepsPerEpoch ?? 1}
          epochs={epochs}
          totalEpochs={plan?.epochs ?? (Number(epochsText) || defaultEpochs)}
          reference={{ value: initial.finalLoss, label: `shipped weights: ${shipped}` }}
          yLabel="loss (nats per word)"
          stepLabel="loss of each Adam step"
          epochLabel="training part: mean over each epoch"
          heldOut={{ epochs: epochs.map((e) => ({ epoch: e.epoch, loss: e.heldOutLoss })), label: 'held-out sentences: after each epoch' }}
          description={description}
        />
      </figure>
      <LossTable
        run={latest}
        shipped={{ trainLoss: initial.finalLoss, heldOutLoss: initial.heldOutLoss }}
        trainingSentences={plan?.trainingSentences ?? initial.sentences}
        heldOutSentences={plan?.heldOutSentences ?? initial.heldOutSentences}
      />
      <TrainingSummary
        finished={done ? { epochs: plan?.epochs, seconds, finalLoss, heldOutLoss: finalHeldOutLoss } : null}
        shippedLoss={initial.finalLoss}
        shippedHeldOutLoss={initial.heldOutLoss}
      />
      <UseTrainedWeights plan={plan} snapshot={training.snapshot} />
      <EpochSamples samples={training.samples} />
    </>
  );
}
