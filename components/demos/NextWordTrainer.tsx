import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { dictionaryFromWords, type Dictionary, type LmTrainOptions, type Params } from '~/core/lm/index.ts';
import { formatNumber } from '~/notebook/format.ts';
import { DemoFrame } from '../DemoFrame.tsx';
import { AxisBottom, AxisLeft } from '../charts/axes.tsx';
import {
  SAMPLE_PREFIX,
  SAMPLE_TEMPERATURE,
  type TrainerCommand,
  type TrainerReport,
  type WeightsSnapshot,
} from '../workers/lmTrainerMessages.ts';
import { trainedModel, type NextWordInitial } from './nextWordModel.ts';
import { useElementWidth } from './useElementWidth.ts';
import './NextWordTrainer.css';

/** The largest number of epochs the reader can ask for. */
export const MAX_EPOCHS = 1000;

interface Props {
  /** Carries the shipped run's hyper-parameters and final loss, read from the weights file at build time. */
  initial: NextWordInitial;
}

/** Trains the next-word model from scratch in a Web Worker, with progress, a loss curve and samples. */
export default function NextWordTrainer({ initial }: Props) {
  return (
    <DemoFrame name="next-word-trainer" label="Train the next-word model in the browser">
      <Trainer initial={initial} />
    </DemoFrame>
  );
}

type Phase = 'idle' | 'running' | 'paused' | 'done' | 'error';

interface Run {
  totalSteps: number;
  stepsPerEpoch: number;
  epochs: number;
  dict: Dictionary;
}

interface EpochSummary {
  epoch: number;
  loss: number;
  topWord: string;
  topProbability: number;
  sample: readonly string[];
}

/** Whether an epoch's sample stays in the list once later epochs arrive. */
function isMilestone(epoch: number, epochs: number): boolean {
  return epoch <= 3 || epoch === 5 || (epoch <= 50 && epoch % 10 === 0) || epoch % 50 === 0 || epoch === epochs;
}

function Trainer({ initial }: Props) {
  const id = useId();
  const hyper = initial.hyperParameters;
  const defaultEpochs = Number(hyper.epochs) || 300;
  const [epochsText, setEpochsText] = useState(String(defaultEpochs));
  const [epochsError, setEpochsError] = useState('');
  const [phase, setPhase] = useState<Phase>('idle');
  const [error, setError] = useState('');
  const [run, setRun] = useState<Run | null>(null);
  const [step, setStep] = useState(0);
  const [elapsedMs, setElapsedMs] = useState(0);
  const [losses, setLosses] = useState<number[]>([]);
  const [epochs, setEpochs] = useState<EpochSummary[]>([]);
  const [samples, setSamples] = useState<EpochSummary[]>([]);
  const [finalLoss, setFinalLoss] = useState<number | null>(null);
  const [snapshot, setSnapshot] = useState<{ epoch: number; weights: WeightsSnapshot } | null>(null);
  const worker = useRef<Worker | null>(null);
  const runRef = useRef<Run | null>(null);

  useEffect(() => () => worker.current?.terminate(), []);

  const send = (command: TrainerCommand) => worker.current?.postMessage(command);

  const onReport = (report: TrainerReport) => {
    switch (report.type) {
      case 'started': {
        const next = {
          totalSteps: report.totalSteps,
          stepsPerEpoch: report.stepsPerEpoch,
          epochs: report.epochs,
          dict: dictionaryFromWords(report.words.slice(3)),
        };
        runRef.current = next;
        setRun(next);
        break;
      }
      case 'progress':
        setStep(report.step);
        setElapsedMs(report.elapsedMs);
        setLosses((previous) => previous.concat(report.losses));
        break;
      case 'epoch': {
        const summary: EpochSummary = {
          epoch: report.epoch,
          loss: report.loss,
          topWord: report.topWord,
          topProbability: report.topProbability,
          sample: report.sample,
        };
        const total = runRef.current?.epochs ?? report.epoch;
        setEpochs((previous) => previous.concat(summary));
        setSamples((previous) => {
          const kept = previous.length > 0 && !isMilestone(previous[previous.length - 1]!.epoch, total) ? previous.slice(0, -1) : previous;
          return kept.concat(summary);
        });
        setSnapshot({ epoch: report.epoch, weights: report.weights });
        break;
      }
      case 'done':
        setFinalLoss(report.finalLoss);
        setElapsedMs(report.elapsedMs);
        setStep(report.steps);
        setPhase('done');
        break;
      case 'paused':
        setPhase('paused');
        break;
      case 'resumed':
        setPhase('running');
        break;
      case 'error':
        setError(report.message);
        setPhase('error');
        break;
    }
  };

  const clear = () => {
    worker.current?.terminate();
    worker.current = null;
    runRef.current = null;
    setRun(null);
    setStep(0);
    setElapsedMs(0);
    setLosses([]);
    setEpochs([]);
    setSamples([]);
    setFinalLoss(null);
    setSnapshot(null);
    setError('');
  };

  const readEpochs = (text: string): number | string => {
    const value = Number(text);
    if (text.trim() === '' || !Number.isInteger(value) || value < 1 || value > MAX_EPOCHS) {
      return `Epochs must be a whole number from 1 to ${MAX_EPOCHS}, got “${text}”.`;
    }
    return value;
  };

  const onStart = () => {
    const chosen = readEpochs(epochsText);
    if (typeof chosen === 'string') {
      setEpochsError(chosen);
      return;
    }
    clear();
    const options = { ...(hyper as LmTrainOptions), epochs: chosen };
    try {
      const created = new Worker(new URL('../workers/lm-trainer.worker.ts', import.meta.url), { type: 'module' });
      created.onmessage = (event: MessageEvent<TrainerReport>) => onReport(event.data);
      created.onerror = (event) => {
        event.preventDefault();
        setError(event.message || 'the training worker failed to start');
        setPhase('error');
      };
      worker.current = created;
      setPhase('running');
      send({ type: 'start', options });
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
      setPhase('error');
    }
  };

  const onReset = () => {
    clear();
    setPhase('idle');
  };

  const onUse = () => {
    if (snapshot === null || run === null) return;
    const params: Params = { ...snapshot.weights };
    trainedModel.value = { params, dict: run.dict, meta: {}, source: 'trained', epoch: snapshot.epoch, epochs: run.epochs };
  };

  const totalSteps = run?.totalSteps ?? 0;
  const stepsPerEpoch = run?.stepsPerEpoch ?? 1;
  const epoch = Math.min(Math.ceil(step / stepsPerEpoch), run?.epochs ?? 0);
  const seconds = elapsedMs / 1000;
  const stepsPerSecond = seconds > 0 ? step / seconds : 0;
  const using = trainedModel.value;
  const usingThese = using !== null && snapshot !== null && using.epoch === snapshot.epoch && using.epochs === run?.epochs;
  const busy = phase === 'running' || phase === 'paused';
  const latest = samples[samples.length - 1];

  return (
    <>
      <p class="trainer-options">
        Same options as the shipped weights, read from their file: <var>H</var> = {String(hyper.hidden)}, {String(hyper.activation)},
        seed {String(hyper.seed)}, batches of {String(hyper.batchSize)} sentences, Adam with step size {String(hyper.learningRate)}{' '}
        decaying to {String(hyper.learningRateEnd)} over the chosen epochs, gradient norm clipped at {String(hyper.clipNorm)}.
      </p>
      <div class="controls trainer-controls">
        <label for={`${id}-epochs`}>
          <span>Epochs (passes over the {initial.sentences} sentences)</span>
          <input
            id={`${id}-epochs`}
            type="number"
            min={1}
            max={MAX_EPOCHS}
            step={1}
            inputMode="numeric"
            value={epochsText}
            disabled={busy}
            aria-invalid={epochsError ? 'true' : 'false'}
            aria-describedby={`${id}-epochs-message`}
            onInput={(event) => {
              const text = (event.currentTarget as HTMLInputElement).value;
              setEpochsText(text);
              const chosen = readEpochs(text);
              setEpochsError(typeof chosen === 'string' ? chosen : '');
            }}
          />
        </label>
        <div class="row trainer-buttons">
          {phase === 'running' ? (
            <button type="button" onClick={() => send({ type: 'pause' })}>Pause</button>
          ) : phase === 'paused' ? (
            <button type="button" onClick={() => send({ type: 'resume' })}>Resume</button>
          ) : (
            <button type="button" onClick={onStart} disabled={epochsError !== ''}>
              {phase === 'done' ? 'Train again' : 'Start training'}
            </button>
          )}
          <button type="button" onClick={onReset} disabled={phase === 'idle'}>Reset</button>
        </div>
      </div>
      <p id={`${id}-epochs-message`} role="status" aria-live="polite" class={epochsError ? 'message error' : 'visually-hidden'}>
        {epochsError}
      </p>
      {phase === 'error' && (
        <p class="message error" role="alert">
          Training stopped: {error}. Press Reset, then start again.
        </p>
      )}
      <div class="trainer-progress">
        <label for={`${id}-progress`}>
          <span>Training progress</span>
          <progress id={`${id}-progress`} max={Math.max(totalSteps, 1)} value={step} aria-valuetext={`epoch ${epoch} of ${run?.epochs ?? 0}`}>
            {formatNumber(totalSteps > 0 ? (100 * step) / totalSteps : 0, 3)} %
          </progress>
        </label>
        <p class="trainer-numbers" aria-live="off">
          {run === null ? (
            phase === 'idle' ? (
              'Not started. Training runs in your browser (it needs JavaScript), in a background worker, so the page stays usable.'
            ) : (
              'Starting…'
            )
          ) : (
            <>
              epoch <span class="value" data-quantity="epoch" data-value={String(epoch)}>{epoch}</span> of {run.epochs} · step{' '}
              <span class="value" data-quantity="step" data-value={String(step)}>{step}</span> of {totalSteps} ·{' '}
              <span class="value" data-quantity="elapsed-seconds" data-value={String(seconds)}>{formatNumber(seconds, 3)}</span> s ·{' '}
              <span class="value" data-quantity="steps-per-second" data-value={String(stepsPerSecond)}>{formatNumber(stepsPerSecond, 3)}</span>{' '}
              steps/s{phase === 'paused' ? ' · paused' : phase === 'done' ? ' · finished' : ''}
            </>
          )}
        </p>
      </div>
      <LossCurve losses={losses} epochs={epochs} totalEpochs={run?.epochs ?? (Number(epochsText) || defaultEpochs)} stepsPerEpoch={stepsPerEpoch} shippedLoss={initial.finalLoss} />
      <div class="trainer-status" role="status" aria-live="polite">
        {phase === 'done' && finalLoss !== null && (
          <p>
            Finished {run?.epochs} epochs in {formatNumber(seconds, 3)} s. Mean loss over the whole corpus at the final weights:{' '}
            <span class="value" data-quantity="final-loss" data-value={String(finalLoss)}>{formatNumber(finalLoss)}</span> nats per word
            (the shipped weights: {formatNumber(initial.finalLoss)}).
          </p>
        )}
      </div>
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
      <section class="trainer-samples" aria-label="What the model says as it learns">
        <p class="trainer-samples-title">
          After “{SAMPLE_PREFIX.join(' ')}”, epoch by epoch (most probable word; a sentence sampled at <var>T</var> ={' '}
          {formatNumber(SAMPLE_TEMPERATURE)}):
        </p>
        {samples.length === 0 ? (
          <p class="trainer-empty">Samples appear here after each epoch.</p>
        ) : (
          <ol>
            {samples.map((s) => (
              <li key={s.epoch} data-epoch={s.epoch} class={s === latest ? 'is-latest' : undefined}>
                <span class="trainer-epoch">epoch {s.epoch}</span>{' '}
                <span>
                  “{s.topWord === '</s>' ? '</s> (end)' : s.topWord}” ({formatNumber(s.topProbability, 2)})
                </span>{' '}
                <span class="trainer-sample">
                  {SAMPLE_PREFIX.join(' ')} <strong>{s.sample.length > 0 ? s.sample.join(' ') : '(ends the sentence here)'}</strong>
                </span>
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}

const HEIGHT = 240;
const MARGIN = { top: 14, right: 16, bottom: 44, left: 56 };
/** Most points drawn for the per-step losses (they are averaged in buckets beyond that). */
const MAX_POINTS = 600;

interface CurveProps {
  losses: readonly number[];
  epochs: readonly EpochSummary[];
  totalEpochs: number;
  stepsPerEpoch: number;
  shippedLoss: number;
}

/** The training loss against the epoch: every Adam step's batch loss (thin) and each epoch's mean (dots). */
function LossCurve({ losses, epochs, totalEpochs, stepsPerEpoch, shippedLoss }: CurveProps) {
  const { ref, width } = useElementWidth<HTMLElement>(640);
  const WIDTH = Math.max(280, Math.min(width, 900));
  const x = scaleLinear().domain([0, Math.max(totalEpochs, 1)]).range([MARGIN.left, WIDTH - MARGIN.right]);
  const top = Math.max(6, ...losses.slice(0, 1));
  const y = scaleLinear().domain([0, top]).nice().range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  const bucket = Math.max(1, Math.ceil(losses.length / MAX_POINTS));
  const points: [number, number][] = [];
  for (let i = 0; i < losses.length; i += bucket) {
    const chunk = losses.slice(i, i + bucket);
    points.push([(i + chunk.length) / stepsPerEpoch, chunk.reduce((a, b) => a + b, 0) / chunk.length]);
  }
  const path = line<[number, number]>()
    .x((p) => x(p[0]))
    .y((p) => y(p[1]));
  const epochPath = line<EpochSummary>()
    .x((e) => x(e.epoch))
    .y((e) => y(e.loss));
  const first = epochs[0];
  const last = epochs[epochs.length - 1];
  const description =
    first === undefined
      ? `Loss curve, empty until training starts. The shipped weights reached a mean loss of ${formatNumber(shippedLoss)} nats per word.`
      : `Loss curve: the mean loss per word during each epoch went from ${formatNumber(first.loss)} at epoch 1 to ${formatNumber(last!.loss)} at epoch ${last!.epoch}; the shipped weights reached ${formatNumber(shippedLoss)}.`;
  return (
    <figure class="trainer-curve" ref={ref}>
      <svg class="chart" width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={description}>
        <AxisBottom scale={x} at={HEIGHT - MARGIN.bottom} label="epoch" ticks={WIDTH < 480 ? 4 : 6} />
        <AxisLeft scale={y} at={MARGIN.left} label="loss (nats per word)" />
        <line
          x1={MARGIN.left}
          x2={WIDTH - MARGIN.right}
          y1={y(shippedLoss)}
          y2={y(shippedLoss)}
          stroke="var(--c3)"
          stroke-width={1.5}
          stroke-dasharray="6 4"
        />
        <text x={WIDTH - MARGIN.right - 4} y={y(shippedLoss) - 6} text-anchor="end" aria-hidden="true">
          shipped weights: {formatNumber(shippedLoss)}
        </text>
        {points.length > 0 && <path d={path(points) ?? ''} fill="none" stroke="var(--c1)" stroke-width={1} opacity={0.55} />}
        {epochs.length > 0 && <path d={epochPath(epochs as EpochSummary[]) ?? ''} fill="none" stroke="var(--c2)" stroke-width={2} />}
        {epochs.map((e) => (
          <circle
            key={e.epoch}
            cx={x(e.epoch)}
            cy={y(e.loss)}
            r={epochs.length <= 60 ? 3 : 0}
            fill="var(--c2)"
            data-quantity="epoch-loss"
            data-epoch={e.epoch}
            data-value={String(e.loss)}
          />
        ))}
        <g aria-hidden="true" transform={`translate(${MARGIN.left + 12},${MARGIN.top + 6})`}>
          <line x2={18} stroke="var(--c1)" stroke-width={1} opacity={0.55} />
          <text x={24} dy="0.32em">loss of each Adam step</text>
          <line y1={16} y2={16} x2={18} stroke="var(--c2)" stroke-width={2} />
          <text x={24} y={16} dy="0.32em">mean over each epoch</text>
        </g>
      </svg>
    </figure>
  );
}
