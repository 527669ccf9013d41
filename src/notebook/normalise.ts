import type { FieldSpec, StepOver } from './fields.ts';

/** What normalising needs of a page: its keys and how each is read. */
export interface Fitted {
  readonly keys: readonly string[];
  readonly fields: Readonly<Record<string, FieldSpec>>;
}

/** The number of steps n a step counts through: the length of x, or a sentence's words + 1 (its end marker is predicted too). */
export function stepsOf(state: Record<string, unknown>, over: StepOver = 'x'): number | undefined {
  const items = state[over] as readonly unknown[] | undefined;
  if (items === undefined) return undefined;
  return over === 'sentence' ? items.length + 1 : items.length;
}

/**
 * The state with each step brought into line with what it steps through: a step k past n becomes n (the one rule
 * for every stepper). A new object only if something changed.
 */
export function normalise<S extends Record<string, unknown>>(state: S, page: Fitted): S {
  let out = state;
  for (const key of page.keys) {
    const spec = page.fields[key];
    const k = state[key];
    if (spec?.[0] !== 'step' || typeof k !== 'number') continue;
    const n = stepsOf(state, spec[2]);
    if (n === undefined || k <= n) continue;
    out = { ...out, [key]: n };
  }
  return out;
}

/** Why a link's step was refused, for its notice. */
export function stepReason(state: Record<string, unknown>, spec?: FieldSpec): string {
  return `it must be between 1 and n = ${stepsOf(state, spec?.[0] === 'step' ? spec[2] : undefined)}`;
}

/** The step a stepper shows: k itself, or n when k is null (the last step); always within 1..n. */
export function resolveStep(k: number | null, n: number): number {
  return k === null ? n : Math.min(Math.max(k, 1), n);
}
