import { signal } from '@preact/signals';
import { deserializeParams, type Dictionary, type Params, type Ranked } from '~/core/lm/index.ts';

/** The sentence the predictor starts with: the question of the first chapters. */
export const DEFAULT_SENTENCE = 'I like French';
/** How many candidates the predictor shows. */
export const TOP_K = 10;

/** What the islands render before (or without) the fetched weights. */
export interface NextWordInitial {
  readonly sentence: string;
  readonly words: string[];
  /** The top TOP_K next words at temperature 1. */
  readonly top: Ranked[];
  /** s_0 … s_n after reading `<s>` and the words, as plain arrays. */
  readonly states: number[][];
  /** The dictionary's size V and the hidden size H. */
  readonly V: number;
  readonly H: number;
  /** Number of sentences the shipped weights were trained on (the corpus's training part). */
  readonly sentences: number;
  /** Number of corpus sentences held out from their training. */
  readonly heldOutSentences: number;
  /** The final mean loss recorded in the shipped file (nats per predicted word, on the sentences it trained on). */
  readonly finalLoss: number;
  /** The shipped weights' mean loss per scored word on the held-out sentences (nats). */
  readonly heldOutLoss: number;
  /** How the corpus was split into training and held-out sentences, as the shipped file records it. */
  readonly split: { readonly seed: number; readonly heldOutFraction: number };
  /** The shipped run's hyper-parameters, as recorded in the file. */
  readonly hyperParameters: Record<string, unknown>;
}

/** A next-word model the page can use: weights, dictionary, and where they came from. */
export interface PageModel {
  readonly params: Params;
  readonly dict: Dictionary;
  /** The shipped file's metadata (hyper-parameters, final loss …); empty for weights trained in the page. */
  readonly meta: Record<string, unknown>;
  /** 'shipped': public/data/lm-weights.json; 'trained': the trainer cell's weights. */
  readonly source: 'shipped' | 'trained';
  /** For trained weights: the epoch they were taken after, and of how many. */
  readonly epoch?: number;
  readonly epochs?: number;
}

/** Where the shipped weights are in their loading. */
export type ShippedState =
  | { readonly status: 'idle' | 'loading' }
  | { readonly status: 'ready'; readonly model: PageModel }
  | { readonly status: 'error'; readonly message: string };

/** The shipped weights, fetched once for the whole page. */
export const shippedModel = signal<ShippedState>({ status: 'idle' });

/** Weights the reader trained in the trainer cell and chose to use in the predictor (null: use the shipped ones). */
export const trainedModel = signal<PageModel | null>(null);

/** The URL of the shipped weights under the site's base path. */
export function weightsUrl(): string {
  const base = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;
  return `${base}data/lm-weights.json`;
}

let loading: Promise<void> | undefined;

/** Starts fetching the shipped weights (once per page) and records the outcome in `shippedModel`. */
export function loadShippedModel(): Promise<void> {
  loading ??= (async () => {
    shippedModel.value = { status: 'loading' };
    try {
      const response = await fetch(weightsUrl());
      if (!response.ok) throw new Error(`the server answered HTTP ${response.status} for ${weightsUrl()}`);
      const { params, dict, meta } = deserializeParams(await response.json());
      shippedModel.value = { status: 'ready', model: { params, dict, meta, source: 'shipped' } };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      shippedModel.value = { status: 'error', message };
    }
  })();
  return loading;
}

/** The model the predictor and the hidden-state view use now: trained weights if chosen, else the shipped ones once loaded. */
export function currentModel(): PageModel | undefined {
  const shipped = shippedModel.value;
  return trainedModel.value ?? (shipped.status === 'ready' ? shipped.model : undefined);
}
