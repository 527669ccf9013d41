import { formatNumber } from '~/notebook/format.ts';
import { notebookSchema, type DeclaredDefaults } from '~/notebook/schema.ts';
import { usePageNotebook } from '~/notebook/use-page-notebook.ts';
import { DemoFrame } from '../DemoFrame.tsx';
import { NumberField } from '../controls/NumberField.tsx';
import { useCountingData } from './useCountingData.ts';
import './DatasetView.css';

/*
 * DatasetView: the training data of the chapter, the seeded counting data set (countingDataset from the core),
 * with fields for its seed, number of sequences and length (notebook keys seed, count, length).
 * Props: notebook — the page's declared notebook defaults; shown — how many sequences to draw (default 6).
 */
interface Props {
  notebook?: DeclaredDefaults;
  shown?: number;
}

/** The counting data set as rows of 0/1 cells with each sequence's count, and the fields that choose it. */
export default function DatasetView({ notebook: declared, shown = 6 }: Props) {
  return (
    <DemoFrame name="dataset" label="The training data: random 0/1 sequences and their counts">
      <Dataset declared={declared} shown={shown} />
    </DemoFrame>
  );
}

function Dataset({ declared, shown }: { declared?: DeclaredDefaults; shown: number }) {
  const notebook = usePageNotebook(declared);
  const { seed, count, length } = notebook.state;
  const data = useCountingData(notebook);
  const N = data.sequences.length;
  const n = data.sequences[0].length;
  const rows = Math.min(shown, N);
  let ones = 0;
  for (const t of data.targets) ones += t[n];
  return (
    <>
      <div class="controls">
        <NumberField label="Seed" name="seed" hint="1 to 1000000" value={seed.value} field={notebookSchema.seed} onChange={(v) => (seed.value = v)} />
        <NumberField label="Sequences N" name="N" hint="1 to 200" value={count.value} field={notebookSchema.count} onChange={(v) => (count.value = v)} />
        <NumberField label="Length n" name="n" hint="1 to 50" value={length.value} field={notebookSchema.length} onChange={(v) => (length.value = v)} />
      </div>
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
