import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { EpochLossCurve } from '@components/charts/EpochLossCurve.tsx';

const props = {
  stepsPerEpoch: 2,
  totalEpochs: 3,
  reference: { value: 1.5, label: 'shipped weights: 1.5' },
  yLabel: 'loss (nats per word)',
  stepLabel: 'loss of each Adam step',
  epochLabel: 'mean over each epoch',
  description: 'Loss curve.',
};

describe('EpochLossCurve', () => {
  it('draws a dot per finished epoch carrying its loss at full precision, the reference and the legend', () => {
    const html = renderToString(
      <EpochLossCurve {...props} stepLosses={[5, 4, 3, 2]} epochs={[{ epoch: 1, loss: 4.5 }, { epoch: 2, loss: 2.5000000001 }]} />,
    );
    expect(html).toContain('aria-label="Loss curve."');
    expect(html.match(/data-quantity="epoch-loss"/g)).toHaveLength(2);
    expect(html).toContain('data-value="2.5000000001"');
    expect(html).toContain('shipped weights: 1.5');
    expect(html).toContain('loss of each Adam step');
    expect(html).toContain('mean over each epoch');
  });

  it('draws no line and no dot before the first step', () => {
    const html = renderToString(<EpochLossCurve {...props} stepLosses={[]} epochs={[]} />);
    expect(html).not.toContain('data-quantity="epoch-loss"');
    expect(html).not.toContain('<path');
  });
});
