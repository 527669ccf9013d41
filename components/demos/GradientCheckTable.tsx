import type { ComponentChildren } from 'preact';
import { formatNumber } from '~/notebook/format.ts';

/** One checked weight: its label, both derivatives and their relative error, and the attribute that names it. */
export interface CheckedWeight {
  key: string;
  /** The row header: which weight, in the chapter's symbols. */
  weight: ComponentChildren;
  analytic: number;
  numeric: number;
  relativeError: number;
  /** Test hooks naming the weight on each cell (`{ 'data-block': 'wF', 'data-index': '3' }`). */
  hooks: Record<string, string>;
  /** Highlighted, as the worst of the sample. */
  current?: boolean;
}

/** A gradient check's table: each sampled weight's BPTT derivative, central difference and relative error. */
export function GradientCheckTable({ caption, label, className, rows }: { caption: ComponentChildren; label: string; className: string; rows: readonly CheckedWeight[] }) {
  return (
    <>
      <p class="gradient-check-caption" aria-hidden="true">{caption}</p>
      <div class="table-scroll" tabIndex={0} role="region" aria-label={label}>
        <table class={`gradient-check-table ${className}`}>
          <caption class="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">weight</th>
              <th scope="col">BPTT</th>
              <th scope="col">central differences</th>
              <th scope="col">relative error</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key} class={row.current ? 'is-current' : undefined}>
                <th scope="row">{row.weight}</th>
                <td data-quantity="bptt" {...row.hooks} data-value={String(row.analytic)}>
                  {formatNumber(row.analytic, 10)}
                </td>
                <td data-quantity="numeric" {...row.hooks} data-value={String(row.numeric)}>
                  {formatNumber(row.numeric, 10)}
                </td>
                <td data-quantity="rowRelativeError" {...row.hooks} data-value={String(row.relativeError)}>
                  {formatNumber(row.relativeError, 2)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
