import { batch, effect, signal, type ReadonlySignal, type Signal } from '@preact/signals';
import { decodeQuery, encodeQuery } from './url-codec.ts';
import { notebookSchema, type NotebookState } from './schema.ts';

/** A page's shared notebook: one signal per state key, the page's defaults, and the notices about its URL. */
export interface Notebook {
  state: { [K in keyof NotebookState]: Signal<NotebookState[K]> };
  defaults: NotebookState;
  notices: Signal<string[]>;
  /** Sets several keys at once (one update, one URL write). */
  set(patch: Partial<NotebookState>): void;
  /** Puts every key back to the page's defaults. */
  reset(): void;
  /** The current state as a plain object. */
  snapshot(): NotebookState;
  /** The link that reproduces the current state. */
  link(): string;
}

const URL_WRITE_DELAY_MS = 150;
let pageNotebook: Notebook | undefined;

/** A notebook at the given state that is bound to nothing: what the server renders. */
export function staticNotebook(defaults: NotebookState): Notebook {
  const state = Object.fromEntries(
    Object.entries(defaults).map(([key, value]) => [key, signal(value)]),
  ) as unknown as Notebook['state'];
  const keys = Object.keys(defaults) as (keyof NotebookState)[];
  const snapshot = () => Object.fromEntries(keys.map((key) => [key, state[key].value])) as unknown as NotebookState;
  const set = (patch: Partial<NotebookState>) =>
    batch(() => {
      for (const key of Object.keys(patch) as (keyof NotebookState)[]) {
        (state[key] as Signal<unknown>).value = patch[key];
      }
    });
  const link = () => {
    if (typeof location === 'undefined') return '';
    return `${location.origin}${location.pathname}${encodeQuery(snapshot(), notebookSchema, defaults)}${location.hash}`;
  };
  return {
    state,
    defaults,
    notices: signal<string[]>([]),
    set,
    reset: () => set(defaults),
    snapshot,
    link,
  };
}

/** Reads the page's URL into the notebook once, then mirrors every change back with `history.replaceState`. */
function bindToUrl(notebook: Notebook) {
  const { state, notices } = decodeQuery(location.search, notebookSchema, notebook.defaults);
  if (state.step !== null && state.step > state.x.length) {
    notices.push(`The link's "step" was ignored (it must be between 1 and n = ${state.x.length}); the default is used instead.`);
    state.step = notebook.defaults.step;
  }
  notebook.set(state);
  notebook.notices.value = notices;
  let timer: ReturnType<typeof setTimeout> | undefined;
  effect(() => {
    const query = encodeQuery(notebook.snapshot(), notebookSchema, notebook.defaults);
    clearTimeout(timer);
    // Coalesced: a slider drag fires many inputs, and browsers throttle rapid replaceState calls.
    timer = setTimeout(() => {
      if (location.search !== query) history.replaceState(history.state, '', `${location.pathname}${query}${location.hash}`);
    }, URL_WRITE_DELAY_MS);
  });
}

/**
 * The notebook of the current page. In the browser every island of the page gets the same one (read from the URL
 * on first use); on the server each render gets a fresh one at the page's defaults.
 */
export function getNotebook(defaults: NotebookState): Notebook {
  if (typeof window === 'undefined') return staticNotebook(defaults);
  if (!pageNotebook) {
    pageNotebook = staticNotebook(defaults);
    bindToUrl(pageNotebook);
  }
  return pageNotebook;
}

/**
 * One cell's view of the page's notebook: it reads its own copy of the state, which follows the page's while
 * `follow` is true and holds still while it is false (the cell is off screen, so a slider elsewhere on the page does
 * not make it redraw); when `follow` turns true again it catches up at once. Writes always go to the page's
 * notebook. `dispose` stops the following.
 */
export function notebookView(live: Notebook, follow: ReadonlySignal<boolean>): { notebook: Notebook; dispose: () => void } {
  const local = staticNotebook(live.snapshot());
  const keys = Object.keys(live.defaults) as (keyof NotebookState)[];
  const dispose = effect(() => {
    if (!follow.value) return;
    const current = live.snapshot();
    batch(() => {
      for (const key of keys) (local.state[key] as Signal<unknown>).value = current[key];
    });
  });
  const state = Object.fromEntries(
    keys.map((key) => {
      const own = local.state[key] as Signal<unknown>;
      const shared = live.state[key] as Signal<unknown>;
      const view = {
        get value() {
          return own.value;
        },
        set value(v: unknown) {
          shared.value = v;
          // a cell that is not following still shows what it was just told (following, the effect copies it)
          if (!follow.peek()) own.value = v;
        },
        peek: () => own.peek(),
        subscribe: (fn: (v: unknown) => void) => own.subscribe(fn),
        valueOf: () => own.valueOf(),
        toString: () => own.toString(),
        toJSON: () => own.toJSON(),
      };
      return [key, view];
    }),
  ) as unknown as Notebook['state'];
  const notebook: Notebook = {
    state,
    defaults: live.defaults,
    notices: live.notices,
    set: (patch) => {
      live.set(patch);
      if (!follow.peek()) local.set(patch);
    },
    reset: () => {
      live.reset();
      if (!follow.peek()) local.reset();
    },
    snapshot: local.snapshot,
    link: live.link,
  };
  return { notebook, dispose };
}
