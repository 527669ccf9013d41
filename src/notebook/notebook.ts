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

/** The key under which the notebook marks, in `history.state`, each history entry of the page it has read. */
const ENTRY_KEY = 'notebookEntry';

/** The notebook's mark in a history entry's state, if it has one. */
function markOf(entryState: unknown): unknown {
  return typeof entryState === 'object' && entryState !== null ? (entryState as Record<string, unknown>)[ENTRY_KEY] : undefined;
}

/**
 * Reads the page's URL into the notebook, then mirrors every change back with `history.replaceState` (no history
 * entry per slider move). Back and Forward between entries of the page (a same-page link adds one) read the URL of the
 * entry returned to; a new entry made by a same-page link carries the current state on.
 */
function bindToUrl(notebook: Notebook) {
  /** The query of the current entry as last read or written. */
  let written = location.search;
  const read = () => {
    written = location.search;
    const { state, notices } = decodeQuery(written, notebook.page, notebook.defaults);
    notebook.set(state);
    notebook.notices.value = notices;
  };
  // Each entry gets its own mark, so a write meant for one entry never lands in another the reader has moved to.
  const documentMark = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  let marked = 0;
  let entry = '';
  const mark = () => {
    entry = `${documentMark}-${++marked}`;
    const previous = history.state;
    const base = typeof previous === 'object' && previous !== null && !Array.isArray(previous) ? previous : {};
    history.replaceState({ ...base, [ENTRY_KEY]: entry }, '');
  };
  let pending: string | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** Writes the pending query into the entry it was meant for; on another entry it waits for `onNavigation`. */
  const write = () => {
    clearTimeout(timer);
    if (pending === undefined || markOf(history.state) !== entry) return;
    const query = pending;
    pending = undefined;
    if (location.search !== query) history.replaceState(history.state, '', `${location.pathname}${query}${location.hash}`);
    written = query;
  };

  read();
  mark();
  let entries = history.length;
  effect(() => {
    pending = encodeQuery(notebook.snapshot(), notebook.page, notebook.defaults);
    clearTimeout(timer);
    // Coalesced: a slider drag fires many inputs, and browsers throttle rapid replaceState calls.
    timer = setTimeout(write, URL_WRITE_DELAY_MS);
  });

  const onNavigation = () => {
    const seen = markOf(history.state);
    // The entry already read (a same-page link fires popstate, then hashchange).
    if (seen === entry) return;
    // A same-page link adds an entry (the history grows) with the URL of the one before it: the state goes on in it,
    // with any write not yet made. Any other entry is one the reader went back or forward to: its URL is the state,
    // and a write still pending was for the entry left behind.
    const added = seen === undefined && location.search === written && history.length !== entries;
    entries = history.length;
    if (added) {
      mark();
      write();
      return;
    }
    clearTimeout(timer);
    pending = undefined;
    // An entry made before the notebook was (the page was opened there) gets its mark now.
    if (typeof seen === 'string') entry = seen;
    else mark();
    read();
  };
  addEventListener('popstate', onNavigation);
  addEventListener('hashchange', onNavigation);
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
