import { interpolateRdBu } from 'd3-scale-chromatic';
import { useId, useMemo } from 'preact/hooks';
import { encode, hiddenStates } from '~/core/lm/index.ts';
import { formatNumber } from '~/notebook/format.ts';
import { declareCell } from '~/notebook/page.ts';
import { defineCell, type ViewProps } from '../defineCell.tsx';
import { useChartWidth } from '../charts/useChartWidth.ts';
import { usePageModel } from '../next-word/usePageModel.ts';
import { useSentence } from '../next-word/useSentence.ts';
import type { NextWordInitial } from './nextWordModel.ts';
import './HiddenStateStrip.css';

interface Props {
  /** The default sentence's states, computed at build time from the shipped weights. */
  initial: NextWordInitial;
}

/** Colour of a state value s ∈ [−1, 1]: red for −1, white for 0, blue for +1 (ColorBrewer RdBu, colour-blind safe). */
function colour(value: number): string {
  return interpolateRdBu((Math.max(-1, Math.min(1, value)) + 1) / 2);
}

const LABEL = 84;
const ROW = 22;
const TOP = 18;

const hiddenState = declareCell({ name: 'hidden-state', label: 'The hidden state after each word', params: ['sentence'] });

/** A heat strip of the hidden state s_k, one row per word read, for the page's sentence. */
export default defineCell<'sentence', Props>(hiddenState, Strip);

function Strip({ initial, notebook }: Props & ViewProps<typeof hiddenState>) {
  const { ref, width: available } = useChartWidth<HTMLElement>(576);
  const rampId = `${useId()}-ramp`;
  const { model } = usePageModel();
  // The page's sentence as the predictor shows it (the predictor's cell says why one is refused).
  const { words } = useSentence(notebook, model, initial);
  const states = useMemo(() => {
    if (model === undefined) return initial.states;
    const { indices } = encode(model.dict, words);
    return hiddenStates(model.params, [model.dict.start, ...indices]).map((s) => Array.from(s));
  }, [model, words, initial]);
  const inputs = ['<s>', ...words];
  const H = states[0]?.length ?? initial.H;
  const n = states.length - 1;
  // Cells of 10–20 px, as wide as the cell's column allows.
  const CELL = Math.max(10, Math.min(20, Math.floor((available - LABEL - 4) / H)));
  const width = LABEL + H * CELL + 4;
  const height = TOP + (n + 1) * ROW + 4;
  const last = states[n] ?? [];
  const saturated = last.filter((v) => Math.abs(v) > 0.9).length;
  const description =
    `Heat strip of the hidden state: ${n + 1} rows, s_0 (all zeros) and then one row after each of the ${n} inputs ` +
    `${inputs.join(', ')}; each row has ${H} cells, one per state unit, coloured from red (−1) through white (0) to blue (+1). ` +
    `After the last word, ${saturated} of the ${H} units are beyond ±0.9. The values are listed in the table below.`;

  return (
    <>
      <figure class="hidden-state-figure" ref={ref}>
        <svg class="chart hidden-state-strip" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={description}>
          <g aria-hidden="true">
            {Array.from({ length: H }, (_, j) =>
              j % (CELL < 14 ? 6 : 4) === 0 || j === H - 1 ? (
                <text key={j} x={LABEL + j * CELL + CELL / 2} y={TOP - 6} text-anchor="middle">
                  {j + 1}
                </text>
              ) : null,
            )}
          </g>
          {states.map((s, k) => (
            <g key={k} transform={`translate(0,${TOP + k * ROW})`}>
              <text class="hidden-state-label" x={LABEL - 8} y={ROW / 2} dy="0.32em" text-anchor="end">
                {k === 0 ? 's₀ = 0' : inputs[k - 1]}
              </text>
              {s.map((v, j) => (
                <rect key={j} x={LABEL + j * CELL} y={1} width={CELL - 1} height={ROW - 2} fill={colour(v)} />
              ))}
              <rect class="hidden-state-row" x={LABEL - 0.5} y={0.5} width={H * CELL} height={ROW - 1} />
            </g>
          ))}
        </svg>
        <figcaption>
          Each row is the state <var>s</var><sub>k</sub> just after the network has read the word on its left (the first
          row is <var>s</var><sub>0</sub> = 0, before any input); each column is one of the {H} state units, numbered on
          top.
        </figcaption>
      </figure>
      <div class="hidden-state-legend" aria-hidden="true">
        <span>−1</span>
        <svg class="hidden-state-ramp" viewBox="0 0 1 1" preserveAspectRatio="none">
          <defs>
            <linearGradient id={rampId}>
              {[0, 0.25, 0.5, 0.75, 1].map((t) => (
                <stop key={t} offset={t} stop-color={interpolateRdBu(t)} />
              ))}
            </linearGradient>
          </defs>
          <rect width={1} height={1} fill={`url(#${rampId})`} />
        </svg>
        <span>+1</span>
        <span class="hidden-state-legend-note">red: negative, white: 0, blue: positive (tanh keeps every unit in (−1, 1))</span>
      </div>
      <details class="hidden-state-numbers">
        <summary>The numbers: s<sub>k</sub> for each word, unit by unit</summary>
        <div class="table-scroll">
          <table>
            <caption class="visually-hidden">Hidden state units 1 to {H} after each input</caption>
            <thead>
              <tr>
                <th scope="col">after</th>
                {Array.from({ length: H }, (_, j) => (
                  <th scope="col" key={j}>{j + 1}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {states.map((s, k) => (
                <tr key={k}>
                  <th scope="row">{k === 0 ? 'start (s₀)' : inputs[k - 1]}</th>
                  {s.map((v, j) => (
                    <td key={j} data-quantity="s" data-k={k} data-unit={j + 1} data-value={String(v)}>
                      {formatNumber(v, 2)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </>
  );
}
