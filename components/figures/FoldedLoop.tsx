import { formatNumber } from '~/notebook/format.ts';
import './figures.css';

interface Props {
  /** The weights to print beside their symbols; symbols only when omitted. */
  weights?: { wRec: number; wX: number };
}

/**
 * The network folded: one state node with a loop back to itself (w_rec) and an input arrow (w_x). Pure SVG,
 * meant to be rendered on the server.
 */
export function FoldedLoop({ weights }: Props) {
  const rec = weights ? ` = ${formatNumber(weights.wRec)}` : '';
  const inp = weights ? ` = ${formatNumber(weights.wX)}` : '';
  const description =
    `The network folded: a single state node s. A loop leaves the node and comes back into it, labelled w_rec${rec}: ` +
    `the previous state s_(k−1) is fed back, scaled by w_rec. An arrow from the input x_k into the node is labelled w_x${inp}. ` +
    `An arrow out of the node carries the new state s_k.`;
  // The loop is a cubic curve from the node's upper left back to its upper right; its head points along the
  // curve's last control segment, (178, 72) − (214, 6).
  const headAngle = Math.atan2(72 - 6, 178 - 214);
  const head = (a: number) => `${178 - 8 * Math.cos(headAngle + a)},${72 - 8 * Math.sin(headAngle + a)}`;
  return (
    <svg class="figure-svg folded-loop" viewBox="0 0 340 230" width={340} role="img" aria-label={description}>
      <path class="arrow" d="M 142 72 C 106 6, 214 6, 178 72" fill="none" />
      <polygon class="arrow-head" points={`178,72 ${head(0.45)} ${head(-0.45)}`} />
      <text class="edge-label" x={160} y={13} text-anchor="middle">
        w<tspan class="sub" dy="0.3em">rec</tspan><tspan dy="-0.3em">{rec}</tspan>
      </text>
      <text class="muted" x={214} y={44} font-size="12">
        s<tspan class="sub" dy="0.3em">k−1</tspan><tspan dy="-0.3em"> fed back</tspan>
      </text>
      <circle class="state" cx={160} cy={104} r={32} />
      <text class="node-value" x={160} y={111} text-anchor="middle" font-style="italic">s</text>
      <line class="arrow" x1={160} y1={188} x2={160} y2={144} />
      <polygon class="arrow-head" points="160,137 155,146 165,146" />
      <text class="edge-label" x={168} y={168}>
        w<tspan class="sub" dy="0.3em">x</tspan><tspan dy="-0.3em">{inp}</tspan>
      </text>
      <rect class="input" x={130} y={188} width={60} height={32} rx={6} />
      <text class="input-label" x={160} y={209} text-anchor="middle">
        x<tspan class="sub" dy="0.3em">k</tspan>
      </text>
      <line class="arrow" x1={192} y1={104} x2={262} y2={104} />
      <polygon class="arrow-head" points="270,104 261,99 261,109" />
      <text class="input-label" x={278} y={109}>
        s<tspan class="sub" dy="0.3em">k</tspan>
      </text>
    </svg>
  );
}
