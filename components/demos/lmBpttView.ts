import type { LmBpttTrace } from '~/core/lm/bpttTrace.ts';
import type { Dictionary } from '~/core/lm/index.ts';
import { shadesOf } from '../charts/shades.ts';

/** How many words of e_k the cell shows besides the target: the largest |e_k[v]|. */
export const ERROR_WORDS = 8;
/** How many rows of ∂E/∂W_y the cell shows besides the sentence's words: the largest rows by their sum of |entries|. */
export const EXTRA_ROWS = 4;

/** One labelled row of numbers: a word's entries of e_k, a column of ∂E/∂W_x, a row of ∂E/∂W_y. */
export interface Labelled {
  readonly word: string;
  readonly values: number[];
}

/** What the next-word BPTT cell shows at one step k: plain arrays, so the build can hand it to the page as a prop. */
export interface LmBpttView {
  readonly k: number;
  readonly n: number;
  /** The tokens as words, t_0 … t_n: `<s>`, the sentence, `</s>`. */
  readonly tokens: string[];
  readonly H: number;
  /** e_k for the target t_k first, then the ERROR_WORDS other words with the largest |e_k| (one value each). */
  readonly outputError: Labelled[];
  readonly deltaA: number[];
  readonly derivative: number[];
  readonly delta: number[];
  /** Running sums after steps n … k: the columns of ∂E/∂W_x of the words read (the only non-zero ones). */
  readonly gradWx: Labelled[];
  /** ∂E/∂W_rec, H × H, row-major. */
  readonly gradWrec: number[];
  readonly gradB: number[];
  /** Rows of ∂E/∂W_y (H values, then ∂E/∂b_y as the last) of the words predicted, then the EXTRA_ROWS largest others. */
  readonly gradWy: Labelled[];
}

/** The view of step k (1 ≤ k ≤ n) of a trace, with the dictionary's words. */
export function bpttView(trace: LmBpttTrace, dict: Dictionary, k: number): LmBpttView {
  const { n, forward } = trace;
  const step = trace.steps[n - k]!;
  const H = step.delta.length;
  const V = step.outputError.length;
  const tokens = forward.tokens;
  const word = (v: number) => dict.words[v] ?? String(v);
  const target = tokens[k]!;
  const byError = Array.from({ length: V }, (_, v) => v)
    .filter((v) => v !== target)
    .sort((a, b) => Math.abs(step.outputError[b]!) - Math.abs(step.outputError[a]!) || a - b)
    .slice(0, ERROR_WORDS);
  const outputError = [target, ...byError].map((v) => ({ word: word(v), values: [step.outputError[v]!] }));
  const { sums } = step;
  const column = (v: number) => Array.from({ length: H }, (_, i) => sums.wX[i * V + v]!);
  const read = [...new Set(tokens.slice(0, n))];
  const row = (v: number) => [...Array.from(sums.wY.subarray(v * H, (v + 1) * H)), sums.bY[v]!];
  const predicted = [...new Set(tokens.slice(1))];
  const size = (v: number) => sums.wY.subarray(v * H, (v + 1) * H).reduce((total, w) => total + Math.abs(w), 0);
  const others = Array.from({ length: V }, (_, v) => v)
    .filter((v) => !predicted.includes(v))
    .sort((a, b) => size(b) - size(a) || a - b)
    .slice(0, EXTRA_ROWS);
  return {
    k,
    n,
    tokens: tokens.map(word),
    H,
    outputError,
    deltaA: Array.from(step.deltaA),
    derivative: Array.from(step.derivative),
    delta: Array.from(step.delta),
    gradWx: read.map((v) => ({ word: word(v), values: column(v) })),
    gradWrec: Array.from(sums.wRec),
    gradB: Array.from(sums.b),
    gradWy: [...predicted, ...others].map((v) => ({ word: word(v), values: row(v) })),
  };
}

/**
 * The cell's first view as the build hands it to the page: the view with its heat maps' values left out (they are
 * hundreds of numbers, shown only as shades until the live pass replaces them) and their shades instead, which the
 * page's props carry as one small digit each.
 */
export interface LmBpttFirstView {
  readonly view: LmBpttView;
  readonly shades: { readonly [K in 'delta' | 'derivative' | 'deltaA' | 'gradWx' | 'gradWrec' | 'gradWy']: Uint8Array };
}

/** The first view of `view`: its heat maps as shades, its output error e_k (shown as numbers) at full precision. */
export function firstView(view: LmBpttView): LmBpttFirstView {
  const { H } = view;
  const shades = {
    delta: shadesOf(view.delta),
    derivative: shadesOf(view.derivative),
    deltaA: shadesOf(view.deltaA),
    gradWx: shadesOf(view.gradWx.flatMap((c) => c.values)),
    gradWrec: shadesOf(view.gradWrec),
    gradWy: shadesOf(view.gradWy.flatMap((r) => r.values.slice(0, H))),
  };
  const bare = (rows: Labelled[]) => rows.map(({ word }) => ({ word, values: [] }));
  return {
    view: { ...view, delta: [], derivative: [], deltaA: [], gradWx: bare(view.gradWx), gradWrec: [], gradB: [], gradWy: bare(view.gradWy) },
    shades,
  };
}
