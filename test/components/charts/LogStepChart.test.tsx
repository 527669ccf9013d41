import { renderToString } from 'preact-render-to-string';
import { scaleLinear, scaleLog } from 'd3-scale';
import { describe, expect, it } from 'vitest';
import { AxisLeft } from '@components/charts/axes.tsx';
import { LogStepChart } from '@components/charts/LogStepChart.tsx';

/** The tick labels an axis or chart drew, in order (the axis label excluded). */
function tickLabels(html: string): string[] {
  return [...html.matchAll(/<text (?:x|y)="[^"]*"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
}

describe('AxisLeft with a log scale', () => {
  it('draws exactly the tick values it is given, at their place on the scale', () => {
    const y = scaleLog().domain([1e-3, 10]).range([200, 0]);
    const html = renderToString(
      <svg>
        <AxisLeft scale={y} at={50} label="norm" values={[1e-3, 1e-2, 1e-1, 1, 10]} />
      </svg>,
    );
    const places = [...html.matchAll(/translate\(50,(-?[\d.]+)\)/g)].map((m) => Number(m[1]));
    expect(places).toEqual([1e-3, 1e-2, 1e-1, 1, 10].map((v) => y(v)));
    // four decades over 200 px: 50 px each
    [200, 150, 100, 50, 0].forEach((want, i) => expect(Math.abs(places[i] - want)).toBeLessThanOrEqual(1e-9));
  });
});

describe('LogStepChart', () => {
  it('ticks the y axis at the powers of ten around the values and draws one point per positive value', () => {
    const html = renderToString(<LogStepChart values={[0.02, 0.5, 3, 1]} color="var(--c1)" description="d" yLabel="y" />);
    expect((html.match(/<circle/g) ?? []).length).toBe(4);
    // domain 0.02 … 3, widened to 0.01 … 10: four powers of ten
    const labels = tickLabels(html);
    expect(labels.slice(-4)).toEqual(['0.01', '0.1', '1', '10']);
  });

  it('leaves out a value of 0 (no place on a log axis) and says so', () => {
    const html = renderToString(<LogStepChart values={[0, 0.5, 1]} color="var(--c1)" description="d" yLabel="y" />);
    expect((html.match(/<circle/g) ?? []).length).toBe(2);
    expect(html).toContain('One value is 0 or not finite');
  });

  it('with a linear domain draws every finite value, zeros included, against that domain', () => {
    const html = renderToString(<LogStepChart values={[1, 0.3, 0]} linear={[0, 1]} color="var(--c2)" description="d" yLabel="y" />);
    expect((html.match(/<circle/g) ?? []).length).toBe(3);
    // the y axis is ticked over its linear domain [0, 1], as d3's scale ticks it (the x axis, steps 0 … 2, comes first)
    const yLabels = tickLabels(html).slice(3);
    expect(yLabels.map(Number)).toEqual(scaleLinear().domain([0, 1]).ticks(5));
    expect(html).not.toContain('not drawn');
  });
});
