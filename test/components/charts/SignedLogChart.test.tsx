import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { SignedLogChart } from '@components/charts/SignedLogChart.tsx';

/** The centres of the circle markers (`M{cx−r},{cy}a…`) and the squares (`M{cx−r},{cy−r}h…`) drawn, by marker path. */
function markerCount(html: string): number {
  return [...html.matchAll(/class="markers" d="([^"]*)"/g)].reduce((sum, m) => sum + (m[1].match(/M/g) ?? []).length, 0);
}

const chart = (values: number[]) =>
  renderToString(
    <SignedLogChart
      description="test"
      yLabel="|v|"
      series={[
        {
          label: 'v',
          quantity: 'v',
          values,
          positive: { shape: 'circle', color: 'red', label: 'positive' },
          negative: { shape: 'square', color: 'blue', label: 'negative' },
        },
      ]}
    />,
  );

describe('SignedLogChart markers', () => {
  it('marks every point of a short series', () => {
    const values = Array.from({ length: 60 }, (_, k) => (k + 1) * (k % 2 ? -1 : 1));
    expect(markerCount(chart(values))).toBe(60);
  });

  it('marks a long series at a stride, about 100 markers, but every sign change, zero, ∞ and the last point', () => {
    const values = Array.from({ length: 500 }, (_, k) => 1 + k);
    values[251] = -7; // one negative value between two positives: its marker and both neighbours'
    values[300] = 0;
    values[333] = Infinity;
    const html = chart(values);
    const n = markerCount(html);
    expect(n).toBeGreaterThanOrEqual(100);
    expect(n).toBeLessThanOrEqual(110);
    // the one negative value has its square
    const squares = /class="markers" d="([^"]*)"[^>]*fill="blue"/.exec(html)?.[1] ?? '';
    expect(squares.match(/M/g)).toHaveLength(1);
  });

  it('writes marker coordinates without floating-point noise', () => {
    const html = chart(Array.from({ length: 500 }, (_, k) => 1.1 ** k));
    const paths = [...html.matchAll(/class="markers" d="([^"]*)"/g)].map((m) => m[1]).join('');
    expect(paths).not.toMatch(/\d\.\d{3,}/);
  });
});

describe('SignedLogChart values hook on the server', () => {
  it('writes the values of a series of up to 200 into the page, and leaves a longer one to the browser', () => {
    const hook = (html: string) => /data-values="([^"]*)"/.exec(html)?.[1];
    expect(hook(chart(Array.from({ length: 200 }, (_, k) => k + 1)))!.split(' ')).toHaveLength(200);
    expect(hook(chart(Array.from({ length: 201 }, (_, k) => k + 1)))).toBeUndefined();
  });
});
