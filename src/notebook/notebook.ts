import { batch, effect, signal, type ReadonlySignal, type Signal } from '@preact/signals';
import { normalise } from './normalise.ts';
import type { PageNotebook } from './page.ts';
import { decodeQuery, encodeQuery } from './url-codec.ts';
import type { NotebookState, ParamKey } from './params.ts';

/** The part of the state with keys K. */
export type StateOf<K extends ParamKey> = Pick<NotebookState, K>;

/** Anything that holds signals for keys K: a notebook, or the part of one a helper reads (`Reads<'seed' | 'count'>`). */
export interface Reads<K extends ParamKey> {
  readonly state: { readonly [P in K]: Signal<NotebookState[P]> };
}

/** A page's shared notebook, or a cell's view of it: one signal per key, the page's defaults, the notices about its URL. */
export interface Notebook<K extends ParamKey = ParamKey> extends Reads<K> {
  readonly keys: readonly K[];
  /** The page's notebook this state belongs to (its keys, how each is read, their defaults). */
  readonly page: PageNotebook;
  readonly defaults: StateOf<K>;
  readonly notices: Signal<string[]>;
  /** Sets several keys at once (one update, one URL write); the state is normalised after it (a step past n becomes n). */
  set(patch: Partial<StateOf<K>>): void;
  /** Puts every key back to the page's defaults. */
  reset(): void;
  /** The current state as a plain object. */
  snapshot(): StateOf<K>;
  /** The link that reproduces the current state. */
  link(): string;
}

const URL_WRITE_DELAY_MS = 150;
let pageNotebook: Notebook | undefined;

/** A notebook for a page's keys at its defaults, bound to nothing: what the server renders, and the base of the live one. */
export function staticNotebook<K extends ParamKey>(page: PageNotebook, initial?: Partial<NotebookState>): Notebook<K> {
  const keys = page.keys as readonly K[];
  const defaults = page.defaults as StateOf<K>;
  const start = { ...defaults, ...initial } as StateOf<K>;
  const state = Object.fromEntries(keys.map((key) => [key, signal(start[key])])) as unknown as Notebook<K>['state'];
  const snapshot = () => Object.fromEntries(keys.map((key) => [key, state[key].value])) as unknown as StateOf<K>;
  const set = (patch: Partial<StateOf<K>>) =>
    batch(() => {
      for (const key of Object.keys(patch) as K[]) {
        if (key in state) (state[key] as Signal<unknown>).value = patch[key];
      }
      // one rule per parameter, applied here for every writer: a step past n becomes n
      const fitted = normalise(snapshot() as Record<string, unknown>, page) as StateOf<K>;
      for (const key of keys) if (fitted[key] !== state[key].peek()) (state[key] as Signal<unknown>).value = fitted[key];
    });
  const link = () => {
    if (typeof location === 'undefined') return '';
    return `${location.origin}${location.pathname}${encodeQuery(snapshot(), page, defaults)}${location.hash}`;
  };
  return { keys, page, state, defaults, notices: signal<string[]>([]), set, reset: () => set(defaults), snapshot, link };
}

/** Reads the page's URL into the notebook once, then mirrors every change back with `history.replaceState`. */
function bindToUrl(notebook: Notebook) {
  const { state, notices } = decodeQuery(location.search, notebook.page, notebook.defaults);
  notebook.set(state);
  notebook.notices.value = notices;
  let timer: ReturnType<typeof setTimeout> | undefined;
  effect(() => {
    const query = encodeQuery(notebook.snapshot(), notebook.page, notebook.defaults);
    clearTimeout(timer);
    // Coalesced: a slider drag fires many inputs, and browsers throttle rapid replaceState calls.
    timer = setTimeout(() => {
      if (location.search !== query) history.replaceState(history.state, '', `${location.pathname}${query}${location.hash}`);
    }, URL_WRITE_DELAY_MS);
  });
}

/**
 * The notebook of the current page. In the browser every island of the page gets the same one (read from the URL
 * on first use); on the server each render gets a fresh one at the page's defaults. Every island is handed the same
 * page notebook, built once by the chapter layout, so whichever hydrates first builds the same state.
 */
export function getNotebook(page: PageNotebook): Notebook {
  if (typeof window === 'undefined') return staticNotebook(page);
  if (!pageNotebook) {
    pageNotebook = staticNotebook(page);
    bindToUrl(pageNotebook);
  }
  return pageNotebook;
}

/**
 * One cell's view of the page's notebook, for the keys the cell reads: it reads its own copy of the state, which
 * follows the page's while `follow` is true and holds still while it is false (the cell is off screen, so a slider
 * elsewhere on the page does not make it redraw); when `follow` turns true again it catches up at once. Writes always
 * go to the page's notebook. `dispose` stops the following.
 */
export function notebookView<K extends ParamKey>(
  live: Notebook,
  keys: readonly K[],
  follow: ReadonlySignal<boolean>,
): { notebook: Notebook<K>; dispose: () => void } {
  const local = staticNotebook<K>({ ...live.page, keys }, live.snapshot());
  const read = () => Object.fromEntries(keys.map((key) => [key, live.state[key].value])) as StateOf<K>;
  const dispose = effect(() => {
    if (!follow.value) return;
    const current = read();
    batch(() => {
      for (const key of keys) (local.state[key] as Signal<unknown>).value = current[key];
    });
  });
  const state = Object.fromEntries(
    keys.map((key) => {
      const own = local.state[key] as Signal<unknown>;
      const view = {
        get value() {
          return own.value;
        },
        set value(v: unknown) {
          live.set({ [key]: v } as Partial<NotebookState>);
          // a cell that is not following still shows what it was just told (following, the effect copies it)
          if (!follow.peek()) own.value = (live.state[key] as Signal<unknown>).peek();
        },
        peek: () => own.peek(),
        subscribe: (fn: (v: unknown) => void) => own.subscribe(fn),
        valueOf: () => own.valueOf(),
        toString: () => own.toString(),
        toJSON: () => own.toJSON(),
      };
      return [key, view];
    }),
  ) as unknown as Notebook<K>['state'];
  const notebook: Notebook<K> = {
    keys,
    page: live.page,
    state,
    defaults: local.defaults,
    notices: live.notices,
    set: (patch) => {
      live.set(patch as Partial<NotebookState>);
      if (!follow.peek()) local.set(read());
    },
    reset: () => {
      live.reset();
      if (!follow.peek()) local.set(read());
    },
    snapshot: local.snapshot,
    link: live.link,
  };
  return { notebook, dispose };
}
