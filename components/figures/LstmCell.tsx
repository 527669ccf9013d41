import type { ComponentChildren } from 'preact';
import './LstmCell.css';

/** A symbol with a subscript, as SVG text: <Sym base="c" sub="k−1" />. */
function Sym({ x, y, base, sub, anchor = 'middle' }: { x: number; y: number; base: string; sub: string; anchor?: string }) {
  return (
    <text x={x} y={y} text-anchor={anchor} class="sym">
      {base}
      <tspan baseline-shift="sub" font-size="0.72em">{sub}</tspan>
    </text>
  );
}

/** A gate box: the non-linearity inside, the gate's name under it. */
function Gate({ x, y, fn, name, sub }: { x: number; y: number; fn: string; name: string; sub: string }) {
  return (
    <g class="gate">
      <rect x={x - 26} y={y - 16} width={52} height={32} rx={6} />
      <text x={x} y={y} dy="0.35em" text-anchor="middle">{fn}</text>
      <Sym x={x + 34} y={y - 20} base={name} sub={sub} anchor="start" />
    </g>
  );
}

/** A point-wise operation: ⊙ or +. */
function Op({ x, y, children }: { x: number; y: number; children: ComponentChildren }) {
  return (
    <g class="op">
      <circle cx={x} cy={y} r={13} />
      <text x={x} y={y} dy="0.35em" text-anchor="middle">{children}</text>
    </g>
  );
}

/**
 * The gated LSTM cell as a diagram (static SVG, no script): the cell state runs along the top, changed only by a
 * point-wise product with the forget gate and a sum with the gated input; the gates read h_{k−1} and x_k.
 */
export default function LstmCell() {
  return (
    <figure class="lstm-cell-figure">
      <svg
        class="lstm-cell"
        viewBox="0 0 640 320"
        role="img"
        aria-label="Diagram of an LSTM cell. Along the top, the cell state c_{k−1} enters from the left, is multiplied point-wise by the forget gate f_k, has i_k ⊙ c̃_k added to it, and leaves on the right as c_k. Below, h_{k−1} and x_k feed four gates: the forget gate f_k = σ(…), the input gate i_k = σ(…), the candidate c̃_k = tanh(…) and the output gate o_k = σ(…). The output h_k = o_k ⊙ tanh(c_k) leaves on the right and is fed back as the next step's h."
      >
        <defs>
          <marker id="lstm-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0,0L10,5L0,10Z" class="arrow-head" />
          </marker>
          <marker id="lstm-arrow-wide" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="16" markerHeight="16" orient="auto">
            <path d="M0,0L10,5L0,10Z" class="highway-head" />
          </marker>
        </defs>
        <rect class="cell-box" x={70} y={24} width={500} height={240} rx={14} />

        {/* the cell state: the additive path */}
        <path class="highway" d="M20,60H157M183,60H327M353,60H618" marker-end="url(#lstm-arrow-wide)" />
        <Sym x={28} y={46} base="c" sub="k−1" anchor="start" />
        <Sym x={612} y={46} base="c" sub="k" anchor="end" />
        <Op x={170} y={60}>⊙</Op>
        <Op x={340} y={60}>+</Op>

        {/* inputs: h_{k−1} along the bottom bus, x_k from below */}
        <path class="wire" d="M20,290H120V240" />
        <path class="wire" d="M120,318V292" marker-end="url(#lstm-arrow)" />
        <path class="wire" d="M120,240H470" />
        <Sym x={24} y={282} base="h" sub="k−1" anchor="start" />
        <Sym x={132} y={314} base="x" sub="k" anchor="start" />

        {/* gates */}
        <path class="wire" d="M170,240V216M270,240V216M390,240V216M470,240V216" />
        <Gate x={170} y={200} fn="σ" name="f" sub="k" />
        <Gate x={270} y={200} fn="σ" name="i" sub="k" />
        <Gate x={390} y={200} fn="tanh" name="c̃" sub="k" />
        <Gate x={470} y={200} fn="σ" name="o" sub="k" />

        {/* f_k ⊙ c_{k−1} */}
        <path class="wire" d="M170,184V73" marker-end="url(#lstm-arrow)" />
        {/* i_k ⊙ c̃_k, added to the cell state */}
        <path class="wire" d="M270,184V130H327" marker-end="url(#lstm-arrow)" />
        <path class="wire" d="M390,184V130H353" marker-end="url(#lstm-arrow)" />
        <Op x={340} y={130}>⊙</Op>
        <path class="wire" d="M340,117V73" marker-end="url(#lstm-arrow)" />

        {/* h_k = o_k ⊙ tanh(c_k) */}
        <path class="wire" d="M530,60V100" marker-end="url(#lstm-arrow)" />
        <g class="gate">
          <ellipse cx={530} cy={118} rx={26} ry={15} />
          <text x={530} y={118} dy="0.35em" text-anchor="middle">tanh</text>
        </g>
        <path class="wire" d="M530,133V187" marker-end="url(#lstm-arrow)" />
        <path class="wire" d="M496,200H517" marker-end="url(#lstm-arrow)" />
        <Op x={530} y={200}>⊙</Op>
        <path class="wire" d="M530,213V290H612" marker-end="url(#lstm-arrow)" />
        <Sym x={612} y={282} base="h" sub="k" anchor="end" />
      </svg>
      <figcaption>
        The LSTM cell. The cell state (thick line along the top) changes only by a point-wise product with the forget gate
        and a sum with the gated input; no weight matrix multiplies it on its way from c<sub>k−1</sub> to c<sub>k</sub>. Every
        gate reads h<sub>k−1</sub> and x<sub>k</sub> through its own weights.
      </figcaption>
    </figure>
  );
}
