import type { Field } from './fields.ts';
import { clip } from './fields.ts';

/** A field per key of a state object. */
export type Schema<S> = { [K in keyof S]: Field<S[K]> };

/** What reading a query string gave: the state (defaults where a key was missing or bad) and a notice per bad key. */
export interface Decoded<S> {
  state: S;
  notices: string[];
}

/**
 * Reads page state from a query string, key by key: a missing key keeps its default, a malformed one keeps its
 * default and adds a notice (plain text that quotes a clipped copy of the bad value); unknown keys are ignored.
 */
export function decodeQuery<S extends object>(search: string, schema: Schema<S>, defaults: S): Decoded<S> {
  const params = new URLSearchParams(search);
  const state = { ...defaults };
  const notices: string[] = [];
  for (const key of Object.keys(schema) as (keyof S & string)[]) {
    const raw = params.get(key);
    if (raw === null) continue;
    try {
      state[key] = schema[key].parse(raw);
    } catch (error) {
      const reason = error instanceof RangeError ? error.message : `could not read "${clip(raw)}"`;
      notices.push(`The link's "${key}" was ignored (${reason}); the default is used instead.`);
    }
  }
  return { state, notices };
}

/** Writes the keys of `state` that differ from `defaults` into a query string (`?a=1&b=2`, or '' when none). */
export function encodeQuery<S extends object>(state: S, schema: Schema<S>, defaults: S): string {
  const params = new URLSearchParams();
  for (const key of Object.keys(schema) as (keyof S & string)[]) {
    const text = schema[key].encode(state[key]);
    if (text !== schema[key].encode(defaults[key])) params.set(key, text);
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}
