import { useMemo } from 'preact/hooks';
import { forward } from '~/core';
import type { DeclaredDefaults } from '~/notebook/schema.ts';
import { usePageNotebook } from '~/notebook/use-page-notebook.ts';
import { DemoFrame } from '../DemoFrame.tsx';
import { UnrolledGraph } from './UnrolledGraph.tsx';

interface Props {
  notebook?: DeclaredDefaults;
}

/** The network unrolled into a feed-forward net, its nodes showing the page's states s_k. */
export default function UnrolledFigure({ notebook: declared }: Props) {
  return (
    <DemoFrame name="unrolled" label="The network unrolled in time">
      <Unrolled declared={declared} />
    </DemoFrame>
  );
}

function Unrolled({ declared }: { declared?: DeclaredDefaults }) {
  const notebook = usePageNotebook(declared);
  const x = notebook.state.x.value;
  const wRec = notebook.state.wRec.value;
  const wX = notebook.state.wX.value;
  const step = notebook.state.step.value;
  const s = useMemo(() => forward(x, { wRec, wX }), [x, wRec, wX]);
  const n = x.length;
  return (
    <UnrolledGraph
      values={s}
      x={x}
      highlight={Math.min(step ?? n, n)}
      weights={{ wRec, wX }}
      label={`The network unrolled over ${n} steps`}
    />
  );
}
