import type { LmGradientCheckRow } from '~/core/lm/index.ts';

/** A checked weight with the dictionary word it belongs to: W_x's column, W_y's or b_y's row ('' for W_rec and b). */
export interface LabelledCheckRow extends LmGradientCheckRow {
  readonly word: string;
}

/** The rows of a gradient check, each with its word from the dictionary's word list, as plain objects (island props). */
export function labelCheckRows(rows: readonly LmGradientCheckRow[], words: readonly string[]): LabelledCheckRow[] {
  return rows.map((row) => {
    const word = row.matrix === 'wX' ? words[row.j] : row.matrix === 'wY' || row.matrix === 'bY' ? words[row.i] : '';
    return { ...row, word: word ?? '' };
  });
}
