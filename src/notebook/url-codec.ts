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
 * renamed since a link was made is read under its old name too (the page's `aliases`). A key given more than once
 * (or under both names) is read from its first value, with a notice naming the value read. A step past n keeps its
 * default, with a notice. Any other key gets one notice naming it (the URL the page writes back leaves it out).
 */
export function decodeQuery<S extends Record<string, unknown>>(search: string, page: UrlShape, defaults: S): Decoded<S> {
  const params = new URLSearchParams(search);
  const state: Record<string, unknown> = { ...defaults };
  const notices: string[] = [];
  const read: string[] = [];
  const known = new Set<string>();
  for (const key of page.keys) {
    const spec = page.fields[key];
    const names = [key, ...(page.aliases?.[key] ?? [])];
    for (const name of names) known.add(name);
    const name = names.find((candidate) => params.has(candidate));
    if (name === undefined || spec === undefined) continue;
    const raw = params.get(name) as string;
    const given = names.flatMap((candidate) => params.getAll(candidate));
    let repeated = '';
    if (given.length > 1) {
      const list = given.map((value) => `"${clip(value)}"`).join(', ');
      repeated = `The link gives "${key}" ${given.length} values (${list});`;
    }
    try {
      state[key] = fieldOf(spec).parse(raw);
      read.push(key);
      if (repeated) notices.push(`${repeated} the first, "${clip(raw)}", is used.`);
    } catch (error) {
      const reason = error instanceof RangeError ? error.message : `could not read "${clip(raw)}"`;
      if (repeated) notices.push(`${repeated} only the first, "${clip(raw)}", is read.`);
      notices.push(`The link's "${name}" was ignored (${reason}); the default is used instead.`);
    }
  }
  const fitted: Record<string, unknown> = normalise(state, page);
  for (const key of read) {
    if (fitted[key] === state[key]) continue;
    notices.push(`The link's "${key}" was ignored (${stepReason(fitted, page.fields[key as keyof typeof page.fields])}); the default is used instead.`);
    fitted[key] = defaults[key];
  }
  // A nameless key (`?=1`, a stray `&`) has nothing to name; it is left out of the address all the same.
  const unknown = [...new Set(params.keys())].filter((name) => name !== '' && !known.has(name)).map((name) => `"${clip(name)}"`);
  if (unknown.length === 1) notices.push(`The link's ${unknown[0]} is not a setting of this page: it was left out of the address.`);
  if (unknown.length > 1) {
    const names = `${unknown.slice(0, -1).join(', ')} and ${unknown[unknown.length - 1]}`;
    notices.push(`The link's ${names} are not settings of this page: they were left out of the address.`);
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
