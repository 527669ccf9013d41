import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { LineLegend } from '@components/charts/LineLegend.tsx';

const entries = ['GD', 'Momentum', 'Rprop', 'Adam'].map((label) => ({ label, color: 'var(--c1)' }));

/** The (x, y) of each entry's translate, in order; fails on a malformed transform. */
function positions(html: string): [number, number][] {
  return [...html.matchAll(/transform="([^"]*)"/g)].map(([, t]) => {
    const match = /^translate\((-?[\d.]+),(-?[\d.]+)\)$/.exec(t);
    expect(match, `a well-formed transform: ${t}`).not.toBeNull();
    return [Number(match![1]), Number(match![2])];
  });
}

describe('LineLegend', () => {
  it('puts entries in a row, wrapping after perRow of them to a row 16 px lower', () => {
    const html = renderToString(<LineLegend entries={entries} x={70} y={36} step={[95, 0]} perRow={3} />);
    expect(positions(html)).toEqual([[70, 36], [165, 36], [260, 36], [70, 52]]);
  });

  it('stacks entries with a vertical step, and keeps them in one row by default', () => {
    expect(positions(renderToString(<LineLegend entries={entries.slice(0, 2)} x={0} y={10} step={[0, 16]} />))).toEqual([[0, 10], [0, 26]]);
    expect(positions(renderToString(<LineLegend entries={entries} x={0} y={0} step={[95, 0]} />)).map(([, y]) => y)).toEqual([0, 0, 0, 0]);
  });
});
