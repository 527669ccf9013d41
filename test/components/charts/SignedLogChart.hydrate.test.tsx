// @vitest-environment happy-dom
import { hydrate } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { SignedLogChart } from '@components/charts/SignedLogChart.tsx';

describe('SignedLogChart in the browser', () => {
  it('a long series the server wrote without its values gets them, exact, once the chart hydrates', () => {
    const values = Array.from({ length: 501 }, (_, k) => 577347.76875 * 0.99 ** k);
    const chart = (
      <SignedLogChart description="test" yLabel="E" series={[{ label: 'E', quantity: 'E', values, positive: { shape: 'circle', color: 'red', label: 'E' } }]} />
    );
    const root = document.createElement('div');
    root.innerHTML = renderToString(chart);
    document.body.append(root);
    expect(root.querySelector('[data-values]')).toBeNull();
    act(() => hydrate(chart, root));
    const hook = root.querySelector('g[data-values]')!.getAttribute('data-values')!;
    expect(hook.split(' ').map(Number)).toEqual(values);
  });
});
