import { clip, fieldOf, type FieldSpec } from './fields.ts';
import { normalise, stepReason } from './normalise.ts';
import type { PageNotebook } from './page.ts';

/** What reading a query string gave: the state (defaults where a key was missing or bad) and a notice per bad key. */
export interface Decoded<S> {
  state: S;
  notices: string[];
}

/** What reading and writing a page's URL needs of its notebook: its keys, how each is read, their older names. */
export type UrlShape = Pick<PageNotebook, 'keys' | 'fields'> & Partial<Pick<PageNotebook, 'aliases'>>;

const encodeWith = (spec: FieldSpec | undefined, value: unknown) => (spec ? fieldOf(spec).encode(value) : '');

/**
 * Reads a page's state from a query string, key by key, for the page's keys only: a missing key keeps its default,
 * a malformed one keeps its default and adds a notice (plain text that quotes a clipped copy of the bad value). A key
 * renamed since a link was made is read under its old name too (the page's `aliases`). A step past n keeps its
 * default, with a notice. Other keys are ignored.
 */
export function decodeQuery<S extends Record<string, unknown>>(search: string, page: UrlShape, defaults: S): Decoded<S> {
  const params = new URLSearchParams(search);
  const state: Record<string, unknown> = { ...defaults };
  const notices: string[] = [];
  const read: string[] = [];
  for (const key of page.keys) {
    const spec = page.fields[key];
    const name = [key, ...(page.aliases?.[key] ?? [])].find((candidate) => params.has(candidate));
    if (name === undefined || spec === undefined) continue;
    const raw = params.get(name) as string;
    try {
      state[key] = fieldOf(spec).parse(raw);
      read.push(key);
    } catch (error) {
      const reason = error instanceof RangeError ? error.message : `could not read "${clip(raw)}"`;
      notices.push(`The link's "${name}" was ignored (${reason}); the default is used instead.`);
    }
  }
  const fitted: Record<string, unknown> = normalise(state, page);
  for (const key of read) {
    if (fitted[key] === state[key]) continue;
    notices.push(`The link's "${key}" was ignored (${stepReason(fitted)}); the default is used instead.`);
    fitted[key] = defaults[key];
  }
  return { state: normalise(fitted, page) as S, notices };
}

/** Writes the page's keys whose value differs from the default into a query string (`?a=1&b=2`, or '' when none). */
export function encodeQuery(state: Record<string, unknown>, page: UrlShape, defaults: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const key of page.keys) {
    const text = encodeWith(page.fields[key], state[key]);
    if (text !== encodeWith(page.fields[key], defaults[key])) params.set(key, text);
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** A query string that sets every key of `patch` (even one equal to a default, so a link always takes effect). */
export function patchQuery(patch: Record<string, unknown>, fields: Readonly<Record<string, FieldSpec>>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(patch)) params.set(key, encodeWith(fields[key], value));
  return `?${params}`;
}
