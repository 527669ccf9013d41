import { useMemo } from 'preact/hooks';
import { forward } from '~/core';
import { declareCell } from '~/notebook/page.ts';
import { resolveStep } from '~/notebook/normalise.ts';
import { firstNonFinite } from '~/notebook/overflow.ts';
import { OVERFLOW_CURE } from '~/notebook/overflowMessage.ts';
import { defineCell, type ViewProps } from '../defineCell.tsx';
import { UnrolledGraph } from './UnrolledGraph.tsx';

const unrolled = declareCell({
  name: 'unrolled',
  label: 'The network unrolled in time',
  params: ['x', 'wRec', 'wX', 'step'],
});

/** The network unrolled into a feed-forward net, its nodes showing the page's states s_k. */
export default defineCell(unrolled, Unrolled);

function Unrolled({ notebook }: ViewProps<typeof unrolled>) {
  const x = notebook.state.x.value;
  const wRec = notebook.state.wRec.value;
  const wX = notebook.state.wX.value;
  const step = notebook.state.step.value;
  const s = useMemo(() => forward(x, { wRec, wX }), [x, wRec, wX]);
  const n = x.length;
  const overflowAt = firstNonFinite(s);
  return (
    <>
      <UnrolledGraph
        values={s}
        x={x}
        highlight={resolveStep(step, n)}
        weights={{ wRec, wX }}
        label={`The network unrolled over ${n} steps`}
      />
      {overflowAt >= 0 && (
        <p class="message warning" aria-live="polite">
          The states overflow: from step {overflowAt} on they are too large to represent and are shown as ∞. {OVERFLOW_CURE}.
        </p>
      )}
    </>
  );
}
