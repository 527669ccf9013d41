import type { Objective } from '~/core';
import { binarySequence, boundedInteger, boundedNumber, oneOf, type Field } from './fields.ts';
import type { Schema } from './url-codec.ts';

/** The range every weight slider and URL value is held to. */
export const WEIGHT_RANGE = { min: -3, max: 3 } as const;

/** The notebook state of a page: the variables its cells share, and the keys of its URL. */
export interface NotebookState {
  /** The input sequence x_1..x_n (x[k-1] = x_k). */
  x: number[];
  wRec: number;
  wX: number;
  objective: Objective;
  /** The step k a stepper shows; null means n (the last step). */
  step: number | null;
}

const stepField: Field<number | null> = {
  parse: (raw) => boundedInteger(1, 1000).parse(raw),
  encode: (value) => (value === null ? '' : String(value)),
};

/** How each key of the notebook state is read from and written to the URL. */
export const notebookSchema: Schema<NotebookState> = {
  x: binarySequence(),
  wRec: boundedNumber(WEIGHT_RANGE.min, WEIGHT_RANGE.max),
  wX: boundedNumber(WEIGHT_RANGE.min, WEIGHT_RANGE.max),
  objective: oneOf(['final', 'every-step'] as const),
  step: stepField,
};

/** The seed article's sequence: eight zeros and five ones, so the count is 5. */
export const SEED_SEQUENCE = [0, 1, 1, 0, 0, 0, 0, 1, 0, 0, 1, 1];

/** The defaults a page gets unless its frontmatter declares others. */
export const siteDefaults: NotebookState = {
  x: SEED_SEQUENCE,
  wRec: 1,
  wX: 1,
  objective: 'final',
  step: null,
};

/** The defaults a page declares in its frontmatter's `notebook` field: any subset of the keys, as URL text or numbers. */
export type DeclaredDefaults = Partial<Record<keyof NotebookState, string | number>>;

/** A page's declared defaults laid over the site's. */
export function pageDefaults(declared: DeclaredDefaults = {}): NotebookState {
  const merged = { ...siteDefaults };
  for (const key of Object.keys(notebookSchema) as (keyof NotebookState)[]) {
    const value = declared[key];
    if (value === undefined) continue;
    // Frontmatter is authored text: read it with the same fields as the URL, but fail loudly at build time.
    const raw = String(value);
    (merged as Record<string, unknown>)[key] = notebookSchema[key].parse(raw);
  }
  return merged;
}
