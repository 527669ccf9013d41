import { randomLcg } from 'd3-random';
import { useId, useMemo, useState } from 'preact/hooks';
import { predictNext, sampleContinuation, topK, type Continuation } from '~/core/lm/index.ts';
import { formatNumber } from '~/notebook/format.ts';
import { declareCell } from '~/notebook/page.ts';
import { defineCell, type ViewProps } from '../defineCell.tsx';
import { SentenceInput } from '../next-word/SentenceInput.tsx';
import { usePageModel } from '../next-word/usePageModel.ts';
import { useSentence } from '../next-word/useSentence.ts';
import { shippedModel, TOP_K, trainedModel, type NextWordInitial } from './nextWordModel.ts';
import './NextWord.css';

/** The temperature slider's range and step. */
export const TEMPERATURE = { min: 0.1, max: 3, step: 0.05 } as const;
/** The longest sampled continuation, in words. */
export const SAMPLE_MAX_WORDS = 20;

interface Props {
  /** The default sentence's prediction, computed at build time from the shipped weights. */
  initial: NextWordInitial;
}

const nextWord = declareCell({ name: 'next-word', label: 'Next-word probabilities after a sentence', params: ['sentence'] });

/** The next-word predictor: the page's sentence in, the model's top-10 next words out, with a temperature and sampling. */
export default defineCell<'sentence', Props>(nextWord, Predictor);

function Predictor({ initial, notebook }: Props & ViewProps<typeof nextWord>) {
  const id = useId();
  const { mounted, model } = usePageModel();
  const { words, refusal, draft, onText: onInput } = useSentence(notebook, model, initial);
  const [temperature, setTemperature] = useState(1);
  const [samples, setSamples] = useState(0);
  const [sample, setSample] = useState<{ seed: number; temperature: number; prefix: readonly string[]; result: Continuation } | null>(
    null,
  );
  const shipped = shippedModel.value;

  const top = useMemo(
    () => (model === undefined ? initial.top : topK(predictNext(model.params, model.dict, words, temperature), TOP_K, model.dict)),
    [model, words, temperature, initial],
  );
  const shownTemperature = model === undefined ? 1 : temperature;
  const rest = 1 - top.reduce((sum, r) => sum + r.probability, 0);
  const V = model?.dict.words.length ?? initial.V;

  const onSample = () => {
    if (model === undefined) return;
    const seed = samples + 1;
    setSamples(seed);
    const result = sampleContinuation(model.params, model.dict, words, {
      temperature,
      maxWords: SAMPLE_MAX_WORDS,
      rng: randomLcg(seed),
    });
    setSample({ seed, temperature, prefix: words, result });
  };

  let status: string;
  if (!mounted) {
    status = 'The bars show the prediction for “I like French” computed when this page was built; with JavaScript on, you can type your own sentence, change the temperature and sample.';
  } else if (shipped.status === 'idle' || shipped.status === 'loading') {
    status = 'Loading the trained weights… Until they arrive, the bars show the prediction for “I like French” computed when this page was built.';
  } else if (shipped.status === 'error' && model === undefined) {
    status = `The trained weights could not be loaded (${shipped.message}). The bars show the prediction for “I like French” computed when this page was built; reload the page to try again.`;
  } else {
    status = '';
  }
  const ready = model !== undefined;
  const phrase = words.join(' ');

  return (
    <>
      <p class={`next-word-status${shipped.status === 'error' && !ready ? ' message error' : ''}`} role="status" aria-live="polite" data-weights={model?.source ?? 'build'}>
        {status ||
          (model?.source === 'trained' ? (
            <>
              Using the weights you trained on this page (after epoch {model.epoch} of {model.epochs}).{' '}
              <button type="button" onClick={() => (trainedModel.value = null)}>Back to the shipped weights</button>
            </>
          ) : (
            <>Using the shipped weights: H = {formatNumber(initial.H)} state units, trained for {String(initial.hyperParameters.epochs)} epochs, final loss {formatNumber(initial.finalLoss)} nats per word.</>
          ))}
      </p>
      <div class="controls next-word-controls">
        <label for={id} class="next-word-input">
          <span>Start of a sentence</span>
          <SentenceInput id={id} value={draft} invalid={refusal !== ''} disabled={!ready} onText={onInput} />
        </label>
        <label for={`${id}-t`}>
          <span class="label-row">
            <span>Temperature <var>T</var></span>
            <output for={`${id}-t`} aria-hidden="true">{formatNumber(shownTemperature)}</output>
          </span>
          <input
            id={`${id}-t`}
            type="range"
            min={TEMPERATURE.min}
            max={TEMPERATURE.max}
            step={TEMPERATURE.step}
            value={shownTemperature}
            disabled={!ready}
            aria-label="Temperature T"
            aria-valuetext={formatNumber(shownTemperature)}
            onInput={(event) => setTemperature(Number((event.currentTarget as HTMLInputElement).value))}
          />
        </label>
      </div>
      <div id={`${id}-message`} aria-live="polite" class="next-word-message">
        {refusal && (
          <div class="message error">
            <p>{refusal}</p>
            <p>Still showing the last sentence read: “{phrase}”.</p>
          </div>
        )}
      </div>
      <figure class="next-word-figure">
        <figcaption id={`${id}-caption`}>
          After “<span class="next-word-phrase">{phrase}</span>”, the {TOP_K} most probable next words at <var>T</var> ={' '}
          {formatNumber(shownTemperature)}:
        </figcaption>
        <ol class="next-word-bars" aria-labelledby={`${id}-caption`} aria-live="polite">
          {top.map((r) => (
            <li key={r.index}>
              <span class="next-word-word">{r.word}</span>
              <svg class="next-word-track" viewBox="0 0 1 1" preserveAspectRatio="none" aria-hidden="true">
                <rect class="next-word-bar" width={Math.max(0, Math.min(1, r.probability))} height={1} />
              </svg>
              <span class="value" data-quantity="probability" data-value={String(r.probability)} data-word={r.word}>
                {formatNumber(r.probability)}
              </span>
            </li>
          ))}
        </ol>
        <p class="next-word-rest">
          {top.some((r) => r.word === '</s>') && <>The entry <code>&lt;/s&gt;</code> means the sentence ends here. </>}
          The other {formatNumber(V - TOP_K)} entries of the dictionary share the remaining {formatNumber(Math.max(0, rest))}.
        </p>
      </figure>
      <div class="row">
        <button type="button" onClick={onSample} disabled={!ready}>Sample a continuation</button>
        <span class="next-word-seed">
          next seed: <span class="value">{samples + 1}</span>
        </span>
      </div>
      <p class="next-word-sample" aria-live="polite" data-quantity="sample" data-seed={sample ? String(sample.seed) : undefined}>
        {sample ? (
          <>
            <span class="next-word-sample-meta">
              Seed {sample.seed}, <var>T</var> = {formatNumber(sample.temperature)}:
            </span>{' '}
            {sample.prefix.join(' ')} <strong data-sample-words={sample.result.words.join(' ')}>{sample.result.words.join(' ')}</strong>
            {sample.result.stoppedBy === 'end' ? '.' : ` … (stopped after ${SAMPLE_MAX_WORDS} words)`}
          </>
        ) : (
          <span class="next-word-sample-meta">Press the button to let the model write the rest of the sentence, one sampled word at a time.</span>
        )}
      </p>
    </>
  );
}
