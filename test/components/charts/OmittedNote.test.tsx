import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { OmittedNote } from '@components/charts/OmittedNote.tsx';
import { StateChart } from '@components/charts/StateChart.tsx';

describe('OmittedNote', () => {
  it('says how many values are not drawn, or the words it is given', () => {
    expect(renderToString(<OmittedNote count={2} />)).toContain('2 values are not finite');
    expect(renderToString(<OmittedNote count={1}>The states overflow.</OmittedNote>)).toContain('The states overflow.');
    expect(renderToString(<OmittedNote count={0} />)).toBe('');
  });

  it('says nothing when the cell explains the overflow itself (children false), so the reader is not told twice', () => {
    expect(renderToString(<OmittedNote count={3}>{false}</OmittedNote>)).toBe('');
    const chart = (omitted?: false) =>
      renderToString(<StateChart series={[{ values: Float64Array.from([0, 1, Infinity]), label: 's', color: 'red' }]} yLabel="s" description="d" omitted={omitted} />);
    expect(chart()).toContain('message warning');
    expect(chart(false)).not.toContain('message warning');
  });
});
