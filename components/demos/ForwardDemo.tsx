import { useMemo } from 'preact/hooks';
import { countingTargets, forward } from '~/core';
import { formatNumber } from '~/notebook/format.ts';
import { firstNonFinite } from '~/notebook/overflow.ts';
import { declareCell } from '~/notebook/page.ts';
import { resolveStep } from '~/notebook/normalise.ts';
import { defineCell, type ViewProps } from '../defineCell.tsx';
import { Controls } from '../controls/Controls.tsx';
import { StateChart } from '../charts/StateChart.tsx';
import { UnrolledGraph } from '../figures/UnrolledGraph.tsx';
import { stepWindow } from '../figures/stepWindow.ts';
import './ForwardDemo.css';
import * as modelParams from '~/notebook/params/model.ts';

/** Most input toggles shown at once; longer sequences show a window of them around the step. */
const TOGGLE_WINDOW = 24;

const forwardCell = declareCell({
  name: 'forward',
  label: 'The forward pass, one step at a time',
  params: ['x', 'wRec', 'wX', 'step'],
});

/** The forward pass step by step: toggle inputs, move the weights, and walk k = 1..n through the forward recurrence. */
export default defineCell(forwardCell, Forward);

function Forward({ notebook }: ViewProps<typeof forwardCell>) {
  const x = notebook.state.x.value;
  const wRec = notebook.state.wRec.value;
  const wX = notebook.state.wX.value;
  const n = x.length;
  const k = resolveStep(notebook.state.step.value, n);
  const s = useMemo(() => forward(x, { wRec, wX }), [x, wRec, wX]);
  const t = useMemo(() => countingTargets(x), [x]);
  const overflowAt = firstNonFinite(s);
  const setStep = (next: number) => {
    notebook.state.step.value = resolveStep(next, n);
  };
  const toggle = (i: number) => notebook.set({ x: x.map((v, j) => (j === i ? 1 - v : v)) });

  // Kept while only the weights change, so dragging a weight slider skips diffing them. (The notebook is a dependency:
  // their handlers write to it, and it changes from the hydration render's to the page's after mounting.)
  const toggles = useMemo(() => <InputToggles x={x} k={k} onToggle={toggle} />, [notebook, x, k]);
  const stepper = useMemo(() => <Stepper k={k} n={n} onStep={setStep} />, [notebook, k, n]);
  const count = t[n];
  const summary =
    overflowAt >= 0 ? (
      <>
        The states overflow: from step {overflowAt} on they are too large to represent as numbers (shown as{' '}
        {formatNumber(s[overflowAt])}). The states before step {overflowAt} are finite.
      </>
    ) : (
      <>
        After all {n} steps, <var>s</var><sub>{n}</sub> = {formatNumber(s[n])}; the sequence holds {formatNumber(count)} one
        {count === 1 ? '' : 's'} (<var>t</var><sub>{n}</sub> = {formatNumber(count)}).
      </>
    );

  return (
    <>
      <Controls notebook={notebook} params={[modelParams.wRec, modelParams.wX, modelParams.x]} />
      {toggles}
      {stepper}
      <StepEquation k={k} s={s} x={x} wRec={wRec} wX={wX} />
      <p aria-live="polite" class={overflowAt < 0 ? 'forward-summary' : 'forward-summary message warning'}>
        {summary}
      </p>
      <UnrolledGraph values={s} x={x} highlight={k} weights={{ wRec, wX }} label={`The network unrolled over ${n} steps`} />
      <StateChart
        series={[
          { values: s, label: 'state s_k', color: 'var(--c1)' },
          { values: t, label: 'count of ones t_k', color: 'var(--c2)', dashed: true },
        ]}
        highlight={k}
        yLabel="s_k and t_k"
        omitted={false /* the summary above says from which step the states overflow */}
        description={
          `Line chart of the states s_0 to s_${n}, step ${k} marked (s_${k} = ${formatNumber(s[k])}), beside the running count of ones t_k: ` +
          `${Array.from(s.slice(0, 30), (v, j) => `s_${j} = ${formatNumber(v)} (t_${j} = ${formatNumber(t[j])})`).join(', ')}${n >= 30 ? ', …' : ''}.`
        }
      />
    </>
  );
}

/** One toggle button per input x_k, named "x1", "x2", … (a window of them for long sequences); pressed means x_k = 1. */
function InputToggles({ x, k, onToggle }: { x: number[]; k: number; onToggle: (index: number) => void }) {
  const n = x.length;
  const win = stepWindow(n, k, TOGGLE_WINDOW, 1);
  const ks = Array.from({ length: win.last - win.first + 1 }, (_, i) => win.first + i);
  return (
    <fieldset class="input-toggles">
      <legend>
        Inputs: click one to flip it between 0 and 1
        {n > TOGGLE_WINDOW && ` (showing x${sub(win.first)} to x${sub(win.last)} of ${n}, around the step)`}
      </legend>
      <div class="toggle-row">
        {win.hiddenBefore > 0 && <span class="toggle-more" aria-hidden="true">⋯</span>}
        {ks.map((j) => (
          <button
            key={j}
            type="button"
            class={j === k ? 'toggle is-step' : 'toggle'}
            aria-pressed={x[j - 1] === 1 ? 'true' : 'false'}
            onClick={() => onToggle(j - 1)}
          >
            <span class="toggle-name">x<sub>{j}</sub></span>
            {/* The digit is drawn by CSS from aria-pressed: the button's name stays "x1", its state is "pressed". */}
            <span class="toggle-value" aria-hidden="true" />
          </button>
        ))}
        {win.hiddenAfter > 0 && <span class="toggle-more" aria-hidden="true">⋯</span>}
      </div>
    </fieldset>
  );
}

/** Previous / Next buttons around a range input for k = 1..n; arrow keys, Home and End work on all three. */
function Stepper({ k, n, onStep }: { k: number; n: number; onStep: (k: number) => void }) {
  const onKeyDown = (event: KeyboardEvent) => {
    // The range input moves itself on these keys; the buttons get the same keys here.
    if (event.target instanceof HTMLInputElement) return;
    const next = { ArrowLeft: k - 1, ArrowDown: k - 1, ArrowRight: k + 1, ArrowUp: k + 1, Home: 1, End: n }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    onStep(next);
  };
  return (
    <div class="stepper" role="group" aria-label="Step k" onKeyDown={onKeyDown}>
      <button type="button" aria-disabled={k <= 1 ? 'true' : 'false'} onClick={() => k > 1 && onStep(k - 1)}>
        ← Previous
      </button>
      <label class="stepper-range">
        <span>
          step k = <output data-quantity="k" data-value={String(k)}>{k}</output> of {n}
        </span>
        <input
          type="range"
          min={1}
          max={n}
          step={1}
          value={k}
          aria-label="step k"
          aria-valuetext={`step ${k} of ${n}`}
          onInput={(event) => onStep(Number((event.currentTarget as HTMLInputElement).value))}
        />
      </label>
      <button type="button" aria-disabled={k >= n ? 'true' : 'false'} onClick={() => k < n && onStep(k + 1)}>
        Next →
      </button>
    </div>
  );
}

/** Eq. (1) at step k with its numbers substituted: s_k = s_{k−1} · w_rec + x_k · w_x = … = s_k. */
function StepEquation({ k, s, x, wRec, wX }: { k: number; s: Float64Array; x: number[]; wRec: number; wX: number }) {
  return (
    <p class="step-equation" aria-live="polite" aria-atomic="true">
      <span class="nowrap">
        <var>s</var><sub>{k}</sub> = <var>s</var><sub>{k - 1}</sub> · <var>w</var><sub>rec</sub> + <var>x</var><sub>{k}</sub> · <var>w</var><sub>x</sub>
      </span>{' '}
      <span class="nowrap">
        = <Num quantity="s-prev" k={k - 1} value={s[k - 1]} /> · <Num quantity="w-rec" value={wRec} />
      </span>{' '}
      <span class="nowrap">
        + <Num quantity="x-k" k={k} value={x[k - 1]} /> · <Num quantity="w-x" value={wX} />
      </span>{' '}
      <span class="nowrap">
        ={' '}
        <strong>
          <Num quantity="s" k={k} value={s[k]} bare />
        </strong>
      </span>
    </p>
  );
}

/** A number in the substituted equation; negative factors in parentheses so the products read unambiguously. */
function Num({ quantity, k, value, bare = false }: { quantity: string; k?: number; value: number; bare?: boolean }) {
  const text = formatNumber(value);
  return (
    <span class="value" data-quantity={quantity} data-k={k} data-value={String(value)}>
      {value < 0 && !bare ? `(${text})` : text}
    </span>
  );
}

/** Subscript digits for plain-text labels (x₁₂). */
function sub(k: number): string {
  return String(k).replace(/\d/g, (d) => String.fromCharCode(0x2080 + Number(d)));
}
