import { useId, useMemo, useState } from 'preact/hooks';
import { datasetGradient, datasetLoss, penalisedGradient, type Dataset, type Objective, type Weights } from '~/core';
import { formatNumber } from '~/notebook/format.ts';
import { WEIGHT_RANGE } from '~/notebook/params/model.ts';
import { declareCell, type KeysOf } from '~/notebook/page.ts';
import { defineCell, type ViewProps } from '../defineCell.tsx';
import { Controls } from '../controls/Controls.tsx';
import { bind } from '../controls/bind.ts';
import { ObjectiveChoice } from '../controls/ObjectiveChoice.tsx';
import { ContourMap } from '../charts/ContourMap.tsx';
import { COUNTING_DATA_KEYS, useCountingData } from './useCountingData.ts';
import { useLossSurface } from './useLossSurface.ts';
import './LossSurface.css';
import * as modelParams from '~/notebook/params/model.ts';
import * as trainingParams from '~/notebook/params/training.ts';

/*
 * LossSurface: the counting data set's loss E(w_x, w_rec) as filled contours (the core's lossSurface), with a
 * cursor that reads the loss and gradient at a point (datasetLoss / datasetGradient) and sets the training start.
 * Reads the notebook keys seed, count, length (the data), objective, lambda (L2 penalty), startWX, startWRec.
 * Props:
 * - notebook: the page's declared notebook defaults (frontmatter.notebook).
 * - showRemedies: also show the L2 penalty λ field (the surface then includes λ/2 (w_rec² + w_x²)).
 */
interface Props {
  /** Also show the field for the L2 penalty λ (chapter 7); without it the page's λ still applies. */
  showRemedies?: boolean;
  /** The key of the bands a SharedLossSurface defines on the page, drawn from there while the surface is its. */
  sharedFills?: string;
}

/** One arrow-key move of the cursor; with Shift, ten. */
const CURSOR_STEP = 0.05;

const lossSurface = declareCell({
  name: 'loss-surface',
  label: 'Loss surface over w_x and w_rec',
  params: [...COUNTING_DATA_KEYS, 'objective', 'lambda', 'startWX', 'startWRec'],
});

/** The loss surface over (w_x, w_rec) with a pointer and keyboard cursor that picks the training start. */
export default defineCell<KeysOf<typeof lossSurface>, Props>(lossSurface, Surface);

/** The (penalised) loss and its gradient at one point, from the core. */
function pointValues(data: Dataset, w: Weights, objective: Objective, penalty: number) {
  if (penalty === 0) {
    const g = datasetGradient(data, w, objective);
    return { loss: datasetLoss(data, w, objective), dWRec: g.dWRec, dWX: g.dWX };
  }
  return penalisedGradient(data, w, objective, penalty);
}

const round = (v: number) => Number(Math.min(WEIGHT_RANGE.max, Math.max(WEIGHT_RANGE.min, v)).toFixed(2));

function Surface({ notebook, showRemedies = false, sharedFills }: ViewProps<typeof lossSurface> & Props) {
  const { objective, lambda, startWX, startWRec } = notebook.state;
  const data = useCountingData(notebook);
  const surface = useLossSurface(data, objective.value, lambda.value);
  const [cursor, setCursor] = useState<Weights | null>(null);
  const readoutId = useId();
  const start = { wX: startWX.value, wRec: startWRec.value };
  const at = useMemo(
    () => (cursor ? pointValues(data, cursor, objective.value, lambda.value) : null),
    [cursor, data, objective.value, lambda.value],
  );
  const highest = useMemo(() => {
    let top = 0;
    for (const v of surface.values) if (Number.isFinite(v) && v > top) top = v;
    return top;
  }, [surface]);

  const pick = (w: Weights) => {
    const picked = { wX: round(w.wX), wRec: round(w.wRec) };
    setCursor(picked);
    notebook.set({ startWX: picked.wX, startWRec: picked.wRec });
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const from = cursor ?? start;
    const step = event.shiftKey ? 10 * CURSOR_STEP : CURSOR_STEP;
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, step],
      ArrowDown: [0, -step],
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      setCursor({ wX: round(from.wX + move[0]), wRec: round(from.wRec + move[1]) });
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      pick(from);
    }
  };

  const penaltyText = lambda.value > 0 ? ` plus the penalty λ/2 (w_rec² + w_x²) with λ = ${formatNumber(lambda.value)}` : '';
  const description =
    `Filled contour map of the ${objective.value === 'final' ? 'final-step' : 'every-step'} loss E${penaltyText} over w_x from −3 to 3 ` +
    `(horizontal) and w_rec from −3 to 3 (vertical), on a logarithmic colour scale up to ${formatNumber(highest)}. ` +
    `The optimum (1, 1) is marked; the training start is at (w_x, w_rec) = (${formatNumber(start.wX)}, ${formatNumber(start.wRec)}).`;

  return (
    <>
      <Controls notebook={notebook} params={showRemedies ? [trainingParams.lambda] : []}>
        <ObjectiveChoice {...bind(notebook, modelParams.objective)} />
      </Controls>
      <div class="surface-layout">
        <div
          class="surface-focus"
          tabIndex={0}
          role="application"
          aria-roledescription="loss surface"
          aria-label="Loss surface: the arrow keys move a cursor (Shift for larger moves), Enter starts training there"
          aria-describedby={readoutId}
          onKeyDown={onKeyDown}
          onFocus={() => setCursor((c) => c ?? start)}
        >
          <ContourMap
            surface={surface}
            description={description}
            sharedFills={sharedFills}
            onPoint={(w) => w && setCursor({ wX: round(w.wX), wRec: round(w.wRec) })}
            onPick={pick}
            overlay={(x, y) => (
              <>
                <g class="start" aria-hidden="true" transform={`translate(${x(start.wX)},${y(start.wRec)})`}>
                  <circle r={6} class="start-marker-halo" />
                  <circle r={6} class="start-marker" />
                </g>
                {cursor && (
                  <g aria-hidden="true" transform={`translate(${x(cursor.wX)},${y(cursor.wRec)})`}>
                    <path d="M-9,0H-3M3,0H9M0,-9V-3M0,3V9" class="cursor-halo" />
                    <path d="M-9,0H-3M3,0H9M0,-9V-3M0,3V9" class="cursor" />
                  </g>
                )}
              </>
            )}
          />
        </div>
        <div class="surface-readout">
          <p>
            Training starts at (w<sub>x</sub>, w<sub>rec</sub>) = (
            <span data-quantity="startWX" data-value={String(start.wX)}>{formatNumber(start.wX)}</span>,{' '}
            <span data-quantity="startWRec" data-value={String(start.wRec)}>{formatNumber(start.wRec)}</span>) (the ring).
          </p>
          <div id={readoutId} class="readout" aria-live="polite">
            {cursor && at ? (
              <dl>
                <div><dt>w<sub>x</sub></dt><dd data-quantity="wX" data-value={String(cursor.wX)}>{formatNumber(cursor.wX)}</dd></div>
                <div><dt>w<sub>rec</sub></dt><dd data-quantity="wRec" data-value={String(cursor.wRec)}>{formatNumber(cursor.wRec)}</dd></div>
                <div><dt>E{lambda.value > 0 ? <sub>λ</sub> : null}</dt><dd data-quantity="loss" data-value={String(at.loss)}>{formatNumber(at.loss)}</dd></div>
                <div><dt>∂E/∂w<sub>x</sub></dt><dd data-quantity="dWX" data-value={String(at.dWX)}>{formatNumber(at.dWX)}</dd></div>
                <div><dt>∂E/∂w<sub>rec</sub></dt><dd data-quantity="dWRec" data-value={String(at.dWRec)}>{formatNumber(at.dWRec)}</dd></div>
              </dl>
            ) : (
              <p>Point at the surface, or focus it and use the arrow keys, to read the loss and its gradient there.</p>
            )}
          </div>
          <p class="hint">Click, tap or press Enter to start training from the cursor.</p>
        </div>
      </div>
    </>
  );
}
