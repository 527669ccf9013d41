import type { ComponentChildren } from 'preact';
import { useMemo } from 'preact/hooks';
import { encode, lmGradientCheck, type LmMatrix } from '~/core/lm/index.ts';
import { formatNumber } from '~/notebook/format.ts';
import { declareCell, type PageNotebook } from '~/notebook/page.ts';
import { defineCell, type ViewProps } from '../defineCell.tsx';
import { labelCheckRows, type LabelledCheckRow } from '../next-word/labelCheckRows.ts';
import { SentenceField } from '../next-word/SentenceField.tsx';
import { usePageModel } from '../next-word/usePageModel.ts';
import { useSentence } from '../next-word/useSentence.ts';
import { GradientCheckTable } from './GradientCheckTable.tsx';
import type { LmCheckInitial } from './lmCheckAtBuild.ts';
import './GradientCheck.css';
import './LmGradientCheck.css';

/** The largest relative error the check accepts between BPTT and central differences. */
const TOLERANCE = 1e-6;

const lmCheck = declareCell({
  name: 'lm-gradient-check',
  label: 'Gradient check of the next-word model: backpropagation through time against central differences',
  params: ['sentence', 'lmCheckSeed'],
});

interface Props {
  /** The check of the default sentence and seed, computed at build time from the shipped weights. */
  initial: LmCheckInitial;
}

/** The next-word model's BPTT gradient of a sentence's loss against central differences, for a seeded sample of weights from every matrix. */
export default defineCell(lmCheck, LmCheck);

/** Each weight array's symbol, as the chapter writes it. */
const SYMBOL: Record<LmMatrix, ComponentChildren> = {
  wRec: <>W<sub>rec</sub></>,
  wX: <>W<sub>x</sub></>,
  b: <>b</>,
  wY: <>W<sub>y</sub></>,
  bY: <>b<sub>y</sub></>,
};

/** Which weight a row is, in words. */
function entry(row: LabelledCheckRow): ComponentChildren {
  const { matrix, i, j, word } = row;
  switch (matrix) {
    case 'wRec':
      return <>unit {j + 1} of s<sub>k−1</sub> into unit {i + 1}</>;
    case 'wX':
      return <>word <code>{word}</code> into unit {i + 1}</>;
    case 'b':
      return <>unit {i + 1}</>;
    case 'wY':
      return <>unit {j + 1} into the score of <code>{word}</code></>;
    case 'bY':
      return <>the score of <code>{word}</code></>;
  }
}

/** The seed after `seed`, within the key's range (back to its lowest value after the highest). */
function nextSeed(page: PageNotebook, seed: number): number {
  const spec = page.fields.lmCheckSeed;
  const [min, max] = spec?.[0] === 'integer' ? [spec[1], spec[2]] : [1, Number.MAX_SAFE_INTEGER];
  return seed >= max ? min : seed + 1;
}

/** What the cell shows: a check, and the sentence and seed it is for. */
interface Shown {
  readonly words: readonly string[];
  readonly seed: number;
  readonly loss: number;
  readonly rows: readonly LabelledCheckRow[];
  readonly worst: LabelledCheckRow;
}

function LmCheck({ notebook, initial }: ViewProps<typeof lmCheck> & Props) {
  const { mounted, model } = usePageModel();
  const sentence = useSentence(notebook, model, { sentence: initial.words.join(' '), words: initial.words });
  const { words } = sentence;
  const seed = notebook.state.lmCheckSeed.value;

  // Until the weights are loaded the cell shows the build's check (of the default sentence and seed).
  const shown = useMemo((): Shown => {
    if (model === undefined) return { ...initial, worst: initial.rows[initial.worst]! };
    const tokens = [model.dict.start, ...encode(model.dict, words).indices, model.dict.end];
    const check = lmGradientCheck(model.params, tokens, { seed });
    const rows = labelCheckRows(check.rows, model.dict.words);
    return { words, seed, loss: check.loss, rows, worst: rows[check.rows.indexOf(check.worst)]! };
  }, [model, words, seed, initial]);
  const { rows, worst } = shown;
  const phrase = shown.words.join(' ');

  let status = '';
  if (!mounted) status = `The table is the check of “${phrase}” computed when this page was built; with JavaScript on, you can change the sentence and the sample.`;
  else if (model === undefined) status = `Loading the trained weights… Until they arrive, the table is the check of “${phrase}” computed when this page was built.`;
  else if (model.source === 'trained') status = `Checking the weights you trained on this page (after epoch ${model.epoch} of ${model.epochs}).`;

  const caption = (
    <>
      ∂E/∂θ for {rows.length} sampled weights (seed {shown.seed}) on “{phrase}”, by backpropagation through time and by central differences
    </>
  );
  return (
    <>
      {status && <p class="lm-check-status" role="status" aria-live="polite">{status}</p>}
      <div class="controls">
        <SentenceField sentence={sentence} ready={model !== undefined} />
        <p class="lm-check-seed">
          Sample seed <span class="value" data-quantity="sampleSeed" data-value={String(shown.seed)}>{shown.seed}</span>{' '}
          <button type="button" disabled={model === undefined} onClick={() => (notebook.state.lmCheckSeed.value = nextSeed(notebook.page, seed))}>
            Draw another sample
          </button>
        </p>
      </div>
      <div class="lm-check-output">
        <p class="lm-check-summary" aria-live="polite">
          Sentence “<span data-quantity="checkedSentence" data-value={phrase}>{phrase}</span>”: n ={' '}
          <span class="value" data-quantity="steps" data-value={String(shown.words.length + 1)}>{shown.words.length + 1}</span> predictions, loss E ={' '}
          <span class="value" data-quantity="loss" data-value={String(shown.loss)}>{formatNumber(shown.loss)}</span> nats.
        </p>
        <GradientCheckTable
          caption={caption}
          label="Next-word gradient check table"
          className="lm-check-table"
          rows={rows.map((row) => ({
            key: `${row.matrix}-${row.index}`,
            weight: (
              <>
                ∂E/∂{SYMBOL[row.matrix]}
                {row.matrix === 'b' || row.matrix === 'bY' ? <>[{row.i + 1}]</> : <>[{row.i + 1}, {row.j + 1}]</>}
                <span class="lm-check-entry">{entry(row)}</span>
              </>
            ),
            analytic: row.analytic,
            numeric: row.numeric,
            relativeError: row.relativeError,
            hooks: { 'data-matrix': row.matrix, 'data-index': String(row.index) },
            current: row === worst,
          }))}
        />
        <div class="gradient-check-verdict" aria-live="polite">
          <p>
            Largest relative error over these {rows.length} weights (∂E/∂{SYMBOL[worst.matrix]}, {entry(worst)}):{' '}
            <strong class="value" data-quantity="relativeError" data-value={String(worst.relativeError)}>
              {formatNumber(worst.relativeError, 2)}
            </strong>
            {worst.relativeError <= TOLERANCE
              ? ', below 10⁻⁶: backpropagation through time and central differences agree.'
              : ', above 10⁻⁶: the two disagree, which would mean a mistake in the backward pass.'}
          </p>
          <p class="gradient-check-note">
            Relative error = |a − b| / max(|a|, |b|, 10⁻⁴): the output weights of unlikely words have gradients near 10⁻⁸, where
            a plain ratio would measure only the rounding of the central difference.
          </p>
        </div>
      </div>
    </>
  );
}
