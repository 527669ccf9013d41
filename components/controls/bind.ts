import type { Reads } from '~/notebook/notebook.ts';
import type { Param } from '~/notebook/param.ts';
import type { NotebookState, ParamKey } from '~/notebook/params.ts';

/** A control's binding to one key of a notebook: its declaration, its value, and how a new value is written. */
export interface Binding<T> {
  param: Param<T>;
  value: T;
  onChange: (value: T) => void;
}

/** Binds a control to a parameter of `notebook`, by its declaration: `<ParamField {...bind(notebook, lr)} />`. */
export function bind<K extends ParamKey>(notebook: Reads<K>, param: Param<NotebookState[K], K>): Binding<NotebookState[K]> {
  const state = notebook.state[param.key];
  return {
    param: param as Param<NotebookState[K]>,
    value: state.value,
    onChange: (value) => {
      state.value = value;
    },
  };
}
