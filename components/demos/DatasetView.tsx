import { formatNumber } from '~/notebook/format.ts';
import { declareCell } from '~/notebook/page.ts';
import { defineCell, type ViewProps } from '../defineCell.tsx';
import { Controls } from '../controls/Controls.tsx';
import { COUNTING_DATA_KEYS, useCountingData } from './useCountingData.ts';
import './DatasetView.css';
import * as trainingParams from '~/notebook/params/training.ts';

/*
 * DatasetView: the training data of the chapter, the seeded counting data set (countingDataset from the core),
 * with fields for its seed, number of sequences and length (notebook keys seed, count, length).
 * Props: notebook — the page's declared notebook defaults; shown — how many sequences to draw (default 6).
 */
interface Props {
  /** How many sequences the table lists. */
  shown?: number;
}

const dataset = declareCell({
  name: 'dataset',
  label: 'The training data: random 0/1 sequences and their counts',
  params: COUNTING_DATA_KEYS,
});

/** The counting data set as rows of 0/1 cells with each sequence's count, and the fields that choose it. */
export default defineCell<(typeof COUNTING_DATA_KEYS)[number], Props>(dataset, Dataset);

function Dataset({ notebook, shown = 6 }: ViewProps<typeof dataset> & Props) {
  const { seed, count, length } = notebook.state;
  const data = useCountingData(notebook);
  const N = data.sequences.length;
  const n = data.sequences[0].length;
  const rows = Math.min(shown, N);
  let ones = 0;
  for (const t of data.targets) ones += t[n];
  return (
    <>
      <Controls notebook={notebook} params={[trainingParams.seed, trainingParams.count, trainingParams.length]} />
      <p aria-live="polite">
        {N} sequences of {n} steps (seed {seed.value}); on average a sequence holds{' '}
        <span data-quantity="meanCount" data-value={String(ones / N)}>{formatNumber(ones / N)}</span> ones.
        {rows < N ? ` The first ${rows} are shown.` : ''}
      </p>
      <div class="table-scroll">
        <table class="dataset-grid">
          <caption class="visually-hidden">The first {rows} input sequences, one per row, with their counts t_n</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">x<sub>1</sub> … x<sub>{n}</sub></th>
              <th scope="col">t<sub>n</sub></th>
            </tr>
          </thead>
          <tbody>
            {data.sequences.slice(0, rows).map((x, i) => (
              <tr key={i}>
                <th scope="row">{i + 1}</th>
                <td class="bits">
                  <span class="visually-hidden">{Array.from(x).join(' ')}</span>
                  {Array.from(x, (bit, k) => (
                    <span key={k} class={bit === 1 ? 'bit one' : 'bit'} aria-hidden="true">{bit}</span>
                  ))}
                </td>
                <td data-quantity="target" data-value={String(data.targets[i][n])}>{formatNumber(data.targets[i][n])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
