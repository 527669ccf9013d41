import { useMemo } from 'preact/hooks';
import { encode, START, stateJacobianNorms } from '~/core/lm/index.ts';
import { formatNumber } from '~/notebook/format.ts';
import { declareCell } from '~/notebook/page.ts';
import { LogStepChart } from '../charts/LogStepChart.tsx';
import { defineCell, type ViewProps } from '../defineCell.tsx';
import { SentenceField } from '../next-word/SentenceField.tsx';
import { usePageModel } from '../next-word/usePageModel.ts';
import { useSentence } from '../next-word/useSentence.ts';
import { VANISHING_PRESETS } from '../next-word/vanishingPresets.ts';
import type { LmVanishingInitial } from './lmCheckAtBuild.ts';
import './LmVanishing.css';

const lmVanishing = declareCell({
  name: 'lm-vanishing',
  label: 'Vanishing gradients in the trained next-word model: the norm of ∂s_n/∂s_k against k',
  params: ['sentence'],
});

interface Props {
  /** The norms for the default sentence, computed at build time from the shipped weights. */
  initial: LmVanishingInitial;
}

/** ‖∂s_n/∂s_k‖₂ over a sentence on a log scale, beside the mean tanh slope mean(1 − s_k²) and ‖W_rec‖₂. */
export default defineCell(lmVanishing, LmVanishing);

/** What the cell shows: the sentence and its series, indexed by k = 0 … n. */
interface Shown {
  readonly words: readonly string[];
  readonly norm: ArrayLike<number>;
  readonly meanSaturation: ArrayLike<number>;
  readonly wRecNorm: number;
}

/** The word read at step k (x_k = t_{k−1}): `<s>` at k = 1, w_{k−1} after it, nothing at k = 0. */
function readAt(words: readonly string[], k: number): string {
  return k === 0 ? '' : k === 1 ? START : words[k - 2]!;
}

function LmVanishing({ notebook, initial }: ViewProps<typeof lmVanishing> & Props) {
  const { mounted, model } = usePageModel();
  const sentence = useSentence(notebook, model, { sentence: initial.words.join(' '), words: initial.words });
  const { words } = sentence;

  // Until the weights are loaded the cell shows the build's numbers (for the default sentence).
  const shown = useMemo((): Shown => {
    if (model === undefined) return initial;
    const tokens = [model.dict.start, ...encode(model.dict, words).indices, model.dict.end];
    const { norm, meanSaturation, wRecNorm } = stateJacobianNorms(model.params, tokens);
    return { words, norm, meanSaturation, wRecNorm };
  }, [model, words, initial]);
  const { norm, meanSaturation, wRecNorm } = shown;
  const n = norm.length - 1;
  const phrase = shown.words.join(' ');
  const current = notebook.state.sentence.value.join(' ');

  let status = '';
  if (!mounted) status = `The charts show “${phrase}” as computed when this page was built; with JavaScript on, you can change the sentence.`;
  else if (model === undefined) status = `Loading the trained weights… Until they arrive, the charts show “${phrase}” as computed when this page was built.`;
  else if (model.source === 'trained') status = `Using the weights you trained on this page (after epoch ${model.epoch} of ${model.epochs}).`;

  const normText = Array.from(norm, (v, k) => `k = ${k}: ${formatNumber(v, 3)}`).join(', ');
  const saturationText = Array.from(meanSaturation, (v, k) => `k = ${k}: ${formatNumber(v, 3)}`).join(', ');
  return (
    <>
      {status && <p class="lm-vanishing-status" role="status" aria-live="polite">{status}</p>}
      <div class="controls lm-vanishing-controls">
        <div class="lm-vanishing-presets" role="group" aria-label="Preset sentences">
          {VANISHING_PRESETS.map((preset) => {
            const text = preset.words.join(' ');
            return (
              <button
                key={preset.label}
                type="button"
                data-preset={preset.words.length > 10 ? 'long' : 'short'}
                aria-pressed={current === text ? 'true' : 'false'}
                disabled={model === undefined}
                onClick={() => sentence.onText(preset.words.join(' '))}
              >
                {preset.label} ({preset.words.length} words)
              </button>
            );
          })}
        </div>
        <SentenceField sentence={sentence} ready={model !== undefined} />
      </div>
      <p class="lm-vanishing-summary" aria-live="polite">
        “<span data-quantity="vanishingSentence" data-value={phrase}>{phrase}</span>”: n = {n} steps. ‖W<sub>rec</sub>‖₂ ={' '}
        <span class="value" data-quantity="wRecNorm" data-value={String(wRecNorm)}>{formatNumber(wRecNorm, 3)}</span>; going back from
        s<sub>n</sub> to s<sub>0</sub>, ‖∂s<sub>n</sub>/∂s<sub>0</sub>‖₂ ={' '}
        <span class="value" data-quantity="firstNorm" data-value={String(norm[0])}>{formatNumber(norm[0]!, 3)}</span>.
      </p>
      <div class="lm-vanishing-charts">
        <figure>
          <LogStepChart
            values={norm}
            color="var(--c1)"
            yLabel="‖∂s_n/∂s_k‖₂ (log scale)"
            description={`The spectral norm of ∂s_n/∂s_k for each step k, on a log scale: ${normText}.`}
          />
          <figcaption>‖∂s<sub>n</sub>/∂s<sub>k</sub>‖₂ against k: how strongly a change in the state at step k still moves the last state.</figcaption>
        </figure>
        <figure>
          <LogStepChart
            values={meanSaturation}
            linear={[0, 1]}
            color="var(--c2)"
            yLabel="mean (1 − s_k²)"
            description={`The mean tanh slope 1 − s_k² over the units, for each step k: ${saturationText}.`}
          />
          <figcaption>The mean of the factors 1 − s<sub>k</sub>² over the {initial.H} units: near 0 when the units are saturated.</figcaption>
        </figure>
      </div>
      <details class="lm-vanishing-details">
        <summary>The numbers, step by step</summary>
        <div class="table-scroll" tabIndex={0} role="region" aria-label="Jacobian norms and mean saturation per step">
          <table class="lm-vanishing-table">
            <caption class="visually-hidden">For each step k of “{phrase}”: the word read, ‖∂s_n/∂s_k‖₂ and mean (1 − s_k²)</caption>
            <thead>
              <tr>
                <th scope="col">k</th>
                <th scope="col">word read</th>
                <th scope="col">‖∂s<sub>n</sub>/∂s<sub>k</sub>‖₂</th>
                <th scope="col">mean (1 − s<sub>k</sub>²)</th>
              </tr>
            </thead>
            <tbody>
              {Array.from(norm, (v, k) => (
                <tr key={k}>
                  <th scope="row">{k}</th>
                  <td>{k === 0 ? '—' : <code>{readAt(shown.words, k)}</code>}</td>
                  <td data-quantity="jacobianNorm" data-k={k} data-value={String(v)}>{formatNumber(v, 4)}</td>
                  <td data-quantity="meanSaturation" data-k={k} data-value={String(meanSaturation[k])}>{formatNumber(meanSaturation[k]!, 4)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </>
  );
}
