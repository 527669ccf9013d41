import type { ComponentChildren } from 'preact';
import { useId, useMemo, useState } from 'preact/hooks';
import { encode, lmBpttTrace } from '~/core/lm/index.ts';
import { formatNumber } from '~/notebook/format.ts';
import { resolveStep } from '~/notebook/normalise.ts';
import { declareCell } from '~/notebook/page.ts';
import { HeatGrid } from '../charts/HeatGrid.tsx';
import { defineCell, type ViewProps } from '../defineCell.tsx';
import { SentenceInput } from '../next-word/SentenceInput.tsx';
import { usePageModel } from '../next-word/usePageModel.ts';
import { useSentence } from '../next-word/useSentence.ts';
import { bpttView, EXTRA_ROWS, type Labelled, type LmBpttFirstView } from './lmBpttView.ts';
import './LmBptt.css';

/** Sentences of the corpus the reader can pick. */
export const PRESETS = ['i like french fries', 'we love the sea', 'he likes italian wine', 'i like jazz music'] as const;

interface Props {
  /** Step k = n over the chapter's sentence, computed at build time from the shipped weights. */
  initial: LmBpttFirstView;
}


/** A whole number written in subscript digits (12 → ₁₂), for labels that are also read out as text. */
function subscript(n: number): string {
  return String(n).replace(/\d/g, (d) => '₀₁₂₃₄₅₆₇₈₉'[Number(d)]!);
}

const lmBptt = declareCell({ name: 'lm-bptt', label: 'Backpropagation through time in the next-word model, one step at a time', params: ['sentence', 'lmStep'] });

/** BPTT of the next-word model over the page's sentence, one step k at a time from n down to 1. */
export default defineCell<'sentence' | 'lmStep', Props>(lmBptt, Stepper);

/** A table of labelled rows of numbers, each cell carrying its full value. */
function NumberTable({ caption, rows, columns, quantity, k, rowHeader }: { caption: string; rows: Labelled[]; columns: string[]; quantity: string | string[]; k: number; rowHeader: string }) {
  return (
    <div class="table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table class="lm-bptt-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{rowHeader}</th>
            {columns.map((c) => <th scope="col" key={c}>{c}</th>)}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={row.word}>
              <th scope="row">{row.word}</th>
              {row.values.map((v, j) => (
                <td key={j} data-quantity={typeof quantity === 'string' ? quantity : quantity[r]} data-step={k} data-word={row.word} data-index={j} data-value={String(v)}>
                  {formatNumber(v, 3)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * A <details> whose tables are made only once it is opened, and only from the live pass (the page's markup stays
 * small: a 24 × 24 matrix is 600 cells). Without the weights it says so.
 */
function Numbers({ summary, ready, children }: { summary: ComponentChildren; ready: boolean; children: () => ComponentChildren }) {
  const [open, setOpen] = useState(false);
  return (
    <details class="lm-bptt-numbers" onToggle={(event) => setOpen((event.currentTarget as HTMLDetailsElement).open)}>
      <summary>{summary}</summary>
      {open && (ready ? children() : <p class="lm-bptt-note">The full-precision numbers appear once the trained weights are loaded (this needs JavaScript).</p>)}
    </details>
  );
}

function Stepper({ initial, notebook }: Props & ViewProps<typeof lmBptt>) {
  const id = useId();
  const { mounted, model } = usePageModel();
  const { words, refusal, draft, onText } = useSentence(notebook, model, { sentence: initial.view.tokens.slice(1, -1).join(' '), words: initial.view.tokens.slice(1, -1) });
  const trace = useMemo(() => {
    if (model === undefined) return undefined;
    const { indices } = encode(model.dict, words);
    return lmBpttTrace(model.params, [model.dict.start, ...indices, model.dict.end]);
  }, [model, words]);
  const n = trace?.n ?? initial.view.n;
  const k = resolveStep(notebook.state.lmStep.value, n);
  const view = useMemo(() => (trace && model ? bpttView(trace, model.dict, k) : initial.view), [trace, model, k, initial]);
  // Until the live pass runs, the heat maps show the build's shades.
  const shades = trace ? undefined : initial.shades;
  const ready = trace !== undefined;
  const go = (to: number) => {
    const next = resolveStep(to, n);
    notebook.state.lmStep.value = next === n ? null : next;
  };
  // The pass runs backward in time: "next" is the step before, k − 1.
  const onKeyDown = (event: KeyboardEvent) => {
    if (!ready) return;
    const moves: Record<string, number> = { ArrowRight: k - 1, ArrowLeft: k + 1, Home: n, End: 1 };
    const to = moves[event.key];
    if (to === undefined) return;
    event.preventDefault();
    go(to);
  };
  const { tokens, H } = view;
  const input = tokens[view.k - 1]!;
  const target = tokens[view.k]!;
  const units = Array.from({ length: H }, (_, i) => String(i + 1));
  const sub = subscript(view.k);
  const vectors: { quantity: 'delta' | 'derivative' | 'deltaA'; name: string; values: number[]; label: string }[] = [
    { quantity: 'delta', name: 'δₖ', values: view.delta, label: `δ${sub} = ∂E/∂s${sub} (lm-delta)` },
    { quantity: 'derivative', name: '1 − sₖ²', values: view.derivative, label: `1 − s${sub}², the tanh derivative` },
    { quantity: 'deltaA', name: 'δaₖ', values: view.deltaA, label: `δa${sub} = (1 − s${sub}²) ⊙ δ${sub} = ∂E/∂a${sub} (lm-grad-state)` },
  ];
  let status = '';
  if (!mounted) status = 'Computed when this page was built, for “i like french” at k = n. With JavaScript on, you can choose the sentence and step through the pass.';
  else if (!ready) status = 'Loading the trained weights… until they arrive, the cell shows k = n for “i like french”, computed when this page was built.';

  return (
    <>
      {status && <p class="lm-bptt-status" role="status">{status}</p>}
      <div class="controls lm-bptt-controls">
        <label for={id} class="lm-bptt-input">
          <span>Sentence</span>
          <SentenceInput id={id} value={draft} invalid={refusal !== ''} disabled={!ready} onText={onText} />
        </label>
        <div class="lm-bptt-presets" role="group" aria-label="Sentences from the corpus">
          {PRESETS.map((preset) => (
            <button type="button" key={preset} disabled={!ready} onClick={() => onText(preset)}>{preset}</button>
          ))}
        </div>
      </div>
      <div id={`${id}-message`} aria-live="polite" class="lm-bptt-message">
        {refusal && (
          <div class="message error">
            <p>{refusal}</p>
            <p>Still showing the last sentence read: “{words.join(' ')}”.</p>
          </div>
        )}
      </div>
      <div class="bptt-nav lm-bptt-nav" role="group" aria-label="Step through the backward pass" onKeyDown={onKeyDown}>
        <button type="button" disabled={!ready} onClick={() => go(k + 1)} aria-disabled={k >= n ? 'true' : undefined} aria-keyshortcuts="ArrowLeft">
          ← Previous (k + 1)
        </button>
        <button type="button" disabled={!ready} onClick={() => go(k - 1)} aria-disabled={k <= 1 ? 'true' : undefined} aria-keyshortcuts="ArrowRight">
          Next (k − 1) →
        </button>
        <label class="lm-bptt-slider">
          <span>Step k (n = {n} down to 1)</span>
          <input
            type="range"
            min={1}
            max={n}
            step={1}
            value={n + 1 - k}
            disabled={!ready}
            aria-label="Backward step"
            aria-valuetext={`k = ${k}`}
            onInput={(event) => go(n + 1 - Number((event.currentTarget as HTMLInputElement).value))}
          />
        </label>
        <p class="bptt-where" aria-live="polite" data-quantity="step" data-value={String(view.k)}>
          Step k = {view.k} of {n}: the input was “{input}”, the word to predict “{target}”.
        </p>
      </div>

      <section class="lm-bptt-block">
        <h3>Output error e<sub>{view.k}</sub> = y<sub>{view.k}</sub> − onehot(t<sub>{view.k}</sub>) (lm-output-error)</h3>
        <p class="lm-bptt-note">
          Target “{target}” first (its entry is y − 1), then the {view.outputError.length - 1} other words with the largest |e|; the
          other entries are their probabilities, all smaller.
        </p>
        <ol class="lm-bptt-bars">
          {view.outputError.map((row, i) => {
            const v = row.values[0]!;
            return (
              <li key={row.word} class={i === 0 ? 'is-target' : ''}>
                <span class="lm-bptt-word">{row.word}</span>
                <svg class="lm-bptt-track" viewBox="-1 0 2 1" preserveAspectRatio="none" aria-hidden="true">
                  <rect class={v < 0 ? 'heat-neg' : 'heat-pos'} x={Math.min(0, v)} width={Math.abs(v)} height={1} />
                </svg>
                <span class="value" data-quantity="outputError" data-step={view.k} data-word={row.word} data-value={String(v)} title={String(v)}>
                  {formatNumber(v)}
                </span>
              </li>
            );
          })}
        </ol>
      </section>

      <section class="lm-bptt-block">
        <h3>The state's blame at step {view.k} (lm-delta, then lm-grad-state's δa)</h3>
        {vectors.map((vector) => (
          <div class="lm-bptt-vector" key={vector.quantity}>
            <p class="lm-bptt-label">{vector.label}</p>
            <HeatGrid values={vector.values} shades={shades?.[vector.quantity]} rows={1} cols={H} label={vector.label} describe={(_, j) => `unit ${j + 1}`} />
          </div>
        ))}
        <Numbers ready={ready} summary={<>The numbers, unit by unit</>}>
          {() => (
            <>
          <NumberTable
            caption={`δ${sub}, 1 − s${sub}² and δa${sub} for units 1 to ${H}`}
            rows={vectors.map((vector) => ({ word: vector.name, values: vector.values }))}
            columns={units}
            quantity={vectors.map((vector) => vector.quantity)}
            k={view.k}
            rowHeader="quantity"
          />
        </>
          )}
        </Numbers>
      </section>

      <section class="lm-bptt-block">
        <h3>Running sums over steps n … {view.k} (lm-grad-state)</h3>
        <p class="lm-bptt-label">∂E/∂W<sub>x</sub>, one row per word the sentence reads (its column of W<sub>x</sub>), one column per unit: every other column is 0, and a word's stays 0 until the pass reaches it</p>
        <HeatGrid values={view.gradWx.flatMap((c) => c.values)} shades={shades?.gradWx} rows={view.gradWx.length} cols={H} rowLabels={view.gradWx.map((c) => c.word)} label="Running sum of ∂E/∂W_x, the columns of the words read" describe={(i, j) => `word “${view.gradWx[i]!.word}”, unit ${j + 1}`} />
        <p class="lm-bptt-label">∂E/∂W<sub>rec</sub>, {H} × {H}: row i, column j pairs δa[i] with s<sub>k−1</sub>[j]</p>
        <HeatGrid values={view.gradWrec} shades={shades?.gradWrec} rows={H} cols={H} cell={10} label={`Running sum of ∂E/∂W_rec, ${H} by ${H}`} describe={(i, j) => `row ${i + 1}, column ${j + 1}`} />
        <Numbers ready={ready} summary={<>The numbers: ∂E/∂W<sub>x</sub> columns, ∂E/∂W<sub>rec</sub> and ∂E/∂b</>}>
          {() => (
            <>
          <NumberTable caption="∂E/∂W_x: the column of each word read, units 1 to H" rows={view.gradWx} columns={units} quantity="gradWxSum" k={view.k} rowHeader="word" />
          <NumberTable
            caption="∂E/∂W_rec: row i (the unit fed), column j (the unit of sₖ₋₁)"
            rows={Array.from({ length: H }, (_, i) => ({ word: String(i + 1), values: view.gradWrec.slice(i * H, (i + 1) * H) }))}
            columns={units}
            quantity="gradWrecSum"
            k={view.k}
            rowHeader="row"
          />
          <NumberTable caption="∂E/∂b" rows={[{ word: 'b', values: view.gradB }]} columns={units} quantity="gradBSum" k={view.k} rowHeader="" />
        </>
          )}
        </Numbers>
      </section>

      <section class="lm-bptt-block">
        <h3>Running sum of ∂E/∂W<sub>y</sub> over steps n … {view.k} (lm-grad-output)</h3>
        <p class="lm-bptt-note">
          The rows of the words the sentence predicts, then the {EXTRA_ROWS} other rows with the largest entries; the other
          rows get only small pushes (their entries of e<sub>k</sub> are small probabilities).
        </p>
        <HeatGrid values={view.gradWy.flatMap((r) => r.values.slice(0, H))} shades={shades?.gradWy} rows={view.gradWy.length} cols={H} rowLabels={view.gradWy.map((r) => r.word)} label="Running sum of ∂E/∂W_y, selected rows" describe={(i, j) => `row “${view.gradWy[i]!.word}”, unit ${j + 1}`} />
        <Numbers ready={ready} summary={<>The numbers: rows of ∂E/∂W<sub>y</sub>, with ∂E/∂b<sub>y</sub></>}>
          {() => (
            <>
          <NumberTable caption="∂E/∂W_y rows (units 1 to H), then ∂E/∂b_y" rows={view.gradWy} columns={[...units, 'b_y']} quantity="gradWySum" k={view.k} rowHeader="word" />
        </>
          )}
        </Numbers>
      </section>
    </>
  );
}
