import type { FieldSpec } from './fields.ts';
import type { NotebookState, ParamKey } from './params.ts';

/**
 * A page's notebook as the chapter layout builds it, once, at build time: the keys its cells read (the only keys its
 * URL holds), their defaults (already read and checked), how each key's URL text is read, and the older names a key
 * is still read under. Plain data, so it travels to every island as a prop; reading the URL needs nothing else.
 */
export interface PageNotebook {
  readonly keys: readonly ParamKey[];
  readonly defaults: Partial<NotebookState>;
  readonly fields: Readonly<Partial<Record<ParamKey, FieldSpec>>>;
  readonly aliases: Readonly<Partial<Record<ParamKey, readonly string[]>>>;
}

/** A cell's declaration: its name (`data-demo`), what it shows (for assistive technology), and the keys it reads. */
export interface CellDeclaration<K extends ParamKey = ParamKey> {
  readonly name: string;
  readonly label: string;
  readonly params: readonly K[];
}

/** Declares a cell, keeping its keys' literal types (so its view's notebook is typed to exactly those keys). */
export function declareCell<K extends ParamKey>(declaration: CellDeclaration<K>): CellDeclaration<K> {
  return declaration;
}

/** The keys a cell declaration reads. */
export type KeysOf<D> = D extends CellDeclaration<infer K> ? K : never;
