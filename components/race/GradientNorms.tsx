import { formatNumber } from '~/notebook/format.ts';
import { SignedLogChart, type SignedLogSeries } from '../charts/SignedLogChart.tsx';

interface Props {
  /** ‖∂E/∂h_k‖ of the trained RNN and ‖∂E/∂c_k‖ of the trained LSTM, k = 0 … T, on one test sequence. */
  gradients: { readonly rnn: Float64Array; readonly lstm: Float64Array };
}

/**
 * How strongly the error at the last step reaches back to each step k in the two trained networks: the LSTM's
 * through its cell state c_k, the RNN's through its state h_k (chapter 7's vanishing gradient), on a log scale.
 */
export function GradientNorms({ gradients }: Props) {
  const T = gradients.lstm.length - 1;
  const series: SignedLogSeries[] = [
    { values: gradients.lstm, label: 'LSTM ‖∂E/∂c_k‖', quantity: 'cellGradientNorm', positive: { color: 'var(--c1)', shape: 'square', label: '' } },
    {
      values: gradients.rnn,
      label: 'tanh RNN ‖∂E/∂h_k‖',
      quantity: 'stateGradientNorm',
      positive: { color: 'var(--c2)', shape: 'circle', label: '', hollow: true },
      dashed: true,
    },
  ];
  const at = (values: Float64Array, k: number) => formatNumber(values[k]);
  const description =
    `Gradient norms against step k on a log scale, one test sequence of T = ${T} steps: at k = ${T} the LSTM's is ${at(gradients.lstm, T)} ` +
    `and the RNN's ${at(gradients.rnn, T)}; at k = 1 the LSTM's is ${at(gradients.lstm, 1)} and the RNN's ${at(gradients.rnn, 1)}.`;
  return (
    <figure class="race-gradients">
      <figcaption>
        After training: how much of the error E = ½(y − t)² at the last step reaches back to step k, on the first test sequence.
      </figcaption>
      <SignedLogChart series={series} description={description} yLabel="gradient norm" height={240} />
    </figure>
  );
}
