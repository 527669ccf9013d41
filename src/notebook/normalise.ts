import type { FieldSpec } from './fields.ts';

/** What normalising needs of a page: its keys and how each is read. */
export interface Fitted {
  readonly keys: readonly string[];
  readonly fields: Readonly<Record<string, FieldSpec>>;
}

/**
 * The state with each step brought into line with the sequence: a step k past n = x.length becomes n (the one rule
 * for both steppers). A new object only if something changed.
 */
export function normalise<S extends Record<string, unknown>>(state: S, page: Fitted): S {
  const x = state.x as readonly number[] | undefined;
  let out = state;
  for (const key of page.keys) {
    const k = state[key];
    if (page.fields[key]?.[0] !== 'step' || x === undefined || typeof k !== 'number' || k <= x.length) continue;
    out = { ...out, [key]: x.length };
  }
  return out;
}

/** Why a link's step was refused, for its notice. */
export function stepReason(state: Record<string, unknown>): string {
  return `it must be between 1 and n = ${(state.x as readonly number[] | undefined)?.length}`;
}

/** The step a stepper shows: k itself, or n when k is null (the last step); always within 1..n. */
export function resolveStep(k: number | null, n: number): number {
  return k === null ? n : Math.min(Math.max(k, 1), n);
}
