import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { formatNumber } from '~/notebook/format.ts';
import { stepWindow } from './stepWindow.ts';
import './figures.css';

/** A second number drawn on every state node, under the first (e.g. δ_k under s_k in the backward pass). */
export interface UnrolledSecondary {
  /** Values by step k = 0..n (same length as `values`). */
  values: ArrayLike<number>;
  /** Its symbol, plain text: e.g. "δ". */
  symbol: string;
  /** `data-quantity` of these numbers (each also carries `data-k` and the full-precision `data-value`). */
  quantity: string;
}

/** The props of UnrolledGraph. Every value is drawn as given: the graph computes nothing. */
export interface UnrolledGraphProps {
  /** The number on each state node, by step k = 0..n (`values[0]` on the first node): normally s_0..s_n. */
  values: ArrayLike<number>;
  /** The inputs x_1..x_n (`x[k-1]` = x_k), drawn under the state nodes with an arrow labelled w_x into them. */
  x: ArrayLike<number>;
  /** The step to highlight, 0..n (clamped); the window of drawn steps is centred on it. Default n. */
  highlight?: number;
  /** Symbol of the node values, plain text. Default "s". */
  symbol?: string;
  /** `data-quantity` of the node values (each also carries `data-k` and `data-value`). Default "graph-s". */
  quantity?: string;
  /** An optional second number per node, drawn under the first. */
  secondary?: UnrolledSecondary;
  /** How the arrows between neighbouring states point: "forward" (s_{k-1} → s_k, default) or "backward" (k+1 → k). */
  direction?: 'forward' | 'backward';
  /** Most steps drawn at once on a wide container. Default 5. */
  window?: number;
  /** Most steps drawn at once when the container is narrower than 30rem (a phone). Default 3. */
  narrowWindow?: number;
  /** The weights, when the text alternative should state them (every → carries w_rec, every ↑ carries w_x). */
  weights?: { wRec: number; wX: number };
  /** The first words of the text alternative, e.g. "The network unrolled over 12 steps". */
  label: string;
}

const COL = 122;
const ELLIPSIS = 48;
const PAD = 8;
const NODE_W = 82;
const STATE_Y = 34;
const INPUT_H = 32;
const INPUT_W = 66;
const ARROW_HEAD = 7;
/** Below this container width (px) the narrow window is used. */
const NARROW_PX = 480;

/**
 * The recurrent network unrolled in time: one state node per step (a layer of a deep feed-forward net), every
 * state-to-state arrow carrying the shared w_rec and every input arrow the shared w_x. Long sequences are drawn
 * as a window of steps around the highlighted one, with an ellipsis saying how many steps are left out.
 */
export function UnrolledGraph(props: UnrolledGraphProps) {
  const { values, x, symbol = 's', quantity = 'graph-s', secondary, direction = 'forward', weights, label } = props;
  const n = values.length - 1;
  const highlight = Math.min(Math.max(props.highlight ?? n, 0), n);
  const wide = props.window ?? 5;
  const narrow = props.narrowWindow ?? 3;
  const box = useRef<HTMLDivElement>(null);
  const [isNarrow, setNarrow] = useState(false);
  useEffect(() => {
    const element = box.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => setNarrow(entry.contentRect.width < NARROW_PX));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const win = stepWindow(n, highlight, isNarrow ? narrow : wide);
  const steps = Array.from({ length: win.last - win.first + 1 }, (_, i) => win.first + i);
  const left = PAD + (win.hiddenBefore > 0 ? ELLIPSIS : 0);
  const width = left + steps.length * COL + (win.hiddenAfter > 0 ? ELLIPSIS : 0) + PAD;
  const nodeH = secondary ? 70 : 54;
  const inputY = STATE_Y + nodeH + 46;
  const height = inputY + INPUT_H + PAD;
  const cx = (k: number) => left + (k - win.first) * COL + COL / 2;
  const midY = STATE_Y + nodeH / 2;

  // Everything but the state values depends only on the window, the step and the inputs: built once per change of
  // those, so dragging a weight redraws the values alone.
  const structure = useMemo(() => {
    const chain: ComponentChildren[] = [];
    // An arrow into (or, backward, out of) each drawn state from the one before it, including from the ellipsis.
    for (const k of steps) {
      if (k === 0) continue;
      const fromX = k === win.first ? left - 12 : cx(k - 1) + NODE_W / 2;
      const toX = cx(k) - NODE_W / 2;
      const active = k === highlight || (direction === 'backward' && k - 1 === highlight);
      const [tail, head] = direction === 'forward' ? [fromX, toX] : [toX, fromX];
      chain.push(
        <g key={`chain-${k}`} class={active ? 'edge is-active' : 'edge'}>
          <Arrow x1={tail} y1={midY} x2={head} y2={midY} />
          <text class="edge-label" x={(fromX + toX) / 2} y={midY - 8} text-anchor="middle">
            w<tspan class="sub" dy="0.3em">rec</tspan>
          </text>
        </g>,
      );
    }
    if (win.hiddenAfter > 0) {
      const fromX = cx(win.last) + NODE_W / 2;
      const toX = cx(win.last) + COL / 2 + 12;
      const [tail, head] = direction === 'forward' ? [fromX, toX] : [toX, fromX];
      chain.push(
        <g key="chain-after" class="edge">
          <Arrow x1={tail} y1={midY} x2={head} y2={midY} />
        </g>,
      );
    }
    const frames = steps.map((k) => {
      const isCurrent = k === highlight;
      const x0 = cx(k) - NODE_W / 2;
      return (
        <g key={k} class={isCurrent ? 'node is-current' : 'node'}>
          {k >= 1 && (
            <g class={isCurrent ? 'edge is-active' : 'edge'}>
              <Arrow x1={cx(k)} y1={inputY} x2={cx(k)} y2={STATE_Y + nodeH} />
              <text class="edge-label" x={cx(k) + 6} y={(inputY + STATE_Y + nodeH) / 2 + 4}>
                w<tspan class="sub" dy="0.3em">x</tspan>
              </text>
              <rect class="input" x={cx(k) - INPUT_W / 2} y={inputY} width={INPUT_W} height={INPUT_H} rx={6} />
              <text class="input-label" x={cx(k)} y={inputY + INPUT_H / 2 + 5} text-anchor="middle">
                x<tspan class="sub" dy="0.3em">{k}</tspan>
                <tspan dy="-0.3em"> = {formatNumber(x[k - 1])}</tspan>
              </text>
            </g>
          )}
          <rect class="state" x={x0} y={STATE_Y} width={NODE_W} height={nodeH} rx={8} />
          <text class="node-symbol" x={cx(k)} y={STATE_Y + 18} text-anchor="middle">
            {symbol}<tspan class="sub" dy="0.3em">{k}</tspan>
          </text>
          {isCurrent && (
            <text class="step-label" x={cx(k)} y={STATE_Y - 12} text-anchor="middle">
              step {k}
            </text>
          )}
        </g>
      );
    });
    return (
      <>
        {win.hiddenBefore > 0 && <Ellipsis x={PAD + ELLIPSIS / 2} y={midY} hidden={win.hiddenBefore} />}
        {win.hiddenAfter > 0 && <Ellipsis x={width - PAD - ELLIPSIS / 2} y={midY} hidden={win.hiddenAfter} />}
        {chain}
        {frames}
      </>
    );
  }, [win.first, win.last, win.hiddenBefore, win.hiddenAfter, highlight, direction, x, symbol, nodeH, width]);

  const shown = steps.map((k) => `${symbol}_${k} ${spoken(values[k])}${secondary ? ` (${secondary.symbol}_${k} ${spoken(secondary.values[k])})` : ''}`);
  const inputs = steps.filter((k) => k >= 1).map((k) => `x_${k} ${spoken(x[k - 1])}`);
  const description =
    `${label}: ${n + 1} state nodes ${symbol}_0 to ${symbol}_${n}, each fed by the previous one through w_rec and by its input through w_x` +
    (weights ? ` (w_rec = ${formatNumber(weights.wRec)}, w_x = ${formatNumber(weights.wX)})` : '') +
    `. Shown: steps ${win.first} to ${win.last}${win.hiddenBefore + win.hiddenAfter > 0 ? ` (${win.hiddenBefore + win.hiddenAfter} steps left out)` : ''}, ` +
    `${shown.join(', ')}${inputs.length ? `; inputs ${inputs.join(', ')}` : ''}. Highlighted: step ${highlight}, ${symbol}_${highlight} ${spoken(values[highlight])}.`;

  return (
    <div class="unrolled-graph" ref={box}>
      <svg class="figure-svg" viewBox={`0 0 ${width} ${height}`} width={width} role="img" aria-label={description}>
        {structure}
        {steps.map((k) => (
          <g key={k} class="node-values">
            <text
              class="node-value"
              x={cx(k)}
              y={STATE_Y + 41}
              text-anchor="middle"
              data-quantity={quantity}
              data-k={k}
              data-value={String(values[k])}
            >
              {formatNumber(values[k])}
            </text>
            {secondary && (
              <text
                class="node-secondary"
                x={cx(k)}
                y={STATE_Y + 61}
                text-anchor="middle"
                data-quantity={secondary.quantity}
                data-k={k}
                data-value={String(secondary.values[k])}
              >
                {secondary.symbol} = {formatNumber(secondary.values[k])}
              </text>
            )}
          </g>
        ))}
      </svg>
    </div>
  );
}

/** "= v" for the text alternative; a NaN (∞ − ∞ after an overflow) is said to be "not a number". */
function spoken(v: number): string {
  return Number.isNaN(v) ? 'is not a number' : `= ${formatNumber(v)}`;
}

/** A straight arrow with a filled head at (x2, y2), drawn in the current stroke colour. */
function Arrow({ x1, y1, x2, y2 }: { x1: number; y1: number; x2: number; y2: number }) {
  const angle = Math.atan2(y2 - y1, x2 - x1);
  const back = (a: number) => `${x2 - ARROW_HEAD * Math.cos(angle + a)},${y2 - ARROW_HEAD * Math.sin(angle + a)}`;
  return (
    <>
      <line class="arrow" x1={x1} y1={y1} x2={x2 - (ARROW_HEAD - 1) * Math.cos(angle)} y2={y2 - (ARROW_HEAD - 1) * Math.sin(angle)} />
      <polygon class="arrow-head" points={`${x2},${y2} ${back(0.45)} ${back(-0.45)}`} />
    </>
  );
}

/** The mark for steps left out of the window: "⋯" and how many. */
function Ellipsis({ x, y, hidden }: { x: number; y: number; hidden: number }) {
  return (
    <g class="ellipsis">
      <text x={x} y={y + 6} text-anchor="middle" class="ellipsis-dots">⋯</text>
      <text x={x} y={y + 26} text-anchor="middle" class="ellipsis-count">{hidden} more</text>
    </g>
  );
}
