/**
 * Build-time (server-only) results of the next-word gradient check and of the state Jacobian's norms, for the page's
 * default sentence and sample seed, computed by the core from public/data/lm-weights.json so that both cells read
 * correctly without JavaScript. Imported by the chapter's MDX only, never by an island.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { deserializeParams, encode, lmGradientCheck, stateJacobianNorms, type Dictionary, type Params } from '~/core/lm/index.ts';
import { lmCheckSeed } from '~/notebook/params/lmCheck.ts';
import { sentence } from '~/notebook/params/nextWord.ts';
import { labelCheckRows, type LabelledCheckRow } from '../next-word/labelCheckRows.ts';
import { unknownWords } from '../next-word/unknownWords.ts';

/** The gradient check as the server renders it. */
export interface LmCheckInitial {
  readonly words: string[];
  readonly seed: number;
  /** E of the sentence. */
  readonly loss: number;
  readonly rows: LabelledCheckRow[];
  /** Index in `rows` of the worst row. */
  readonly worst: number;
}

/** The state Jacobian's norms as the server renders them (plain arrays indexed by k = 0 … n). */
export interface LmVanishingInitial {
  readonly words: string[];
  readonly norm: number[];
  readonly meanSaturation: number[];
  readonly wRecNorm: number;
  readonly H: number;
}

/** The shipped weights, read from public/data. */
function shipped(): { params: Params; dict: Dictionary } {
  return deserializeParams(JSON.parse(readFileSync(resolve(process.cwd(), 'public/data/lm-weights.json'), 'utf8')));
}

/** The tokens of `words`, which must all be in the dictionary (a build error otherwise). */
function tokensOf(dict: Dictionary, words: readonly string[]): number[] {
  const refusal = unknownWords(dict, words);
  if (refusal) throw new Error(`The default sentence "${words.join(' ')}": ${refusal}`);
  return [dict.start, ...encode(dict, words).indices, dict.end];
}

/** The gradient check of the default sentence with the default seed, on the shipped weights. */
export function lmCheckInitial(words: readonly string[] = sentence.initial, seed = lmCheckSeed.initial): LmCheckInitial {
  const { params, dict } = shipped();
  const check = lmGradientCheck(params, tokensOf(dict, words), { seed });
  return { words: [...words], seed, loss: check.loss, rows: labelCheckRows(check.rows, dict.words), worst: check.rows.indexOf(check.worst) };
}

/** ‖∂s_n/∂s_k‖₂ and the mean tanh slope for the default sentence, on the shipped weights. */
export function lmVanishingInitial(words: readonly string[] = sentence.initial): LmVanishingInitial {
  const { params, dict } = shipped();
  const result = stateJacobianNorms(params, tokensOf(dict, words));
  return {
    words: [...words],
    norm: Array.from(result.norm),
    meanSaturation: Array.from(result.meanSaturation),
    wRecNorm: result.wRecNorm,
    H: params.H,
  };
}
