/**
 * Scoring the model on sentences it did not train on, whose words the dictionary may lack.
 *
 * A word outside the dictionary is read as `<unk>` when it is an input x_k, like every unknown word the page
 * reads. As a target next_k it is left out of the loss: the model never saw `<unk>` as a target in training, so
 * −log y_k[<unk>] would measure how little mass it puts on a token it was never shown, not how well it predicts.
 * The mean is over the scored targets only, and how many were left out is reported beside it:
 *
 *   L_held-out = (1 / N_scored) Σ_{sentences} Σ_{k scored} −log y_k[next_k]   (lm-loss, per scored word)
 */
import type { Dictionary } from './dictionary.ts';
import { encode } from './dictionary.ts';
import { checkIndices, logitsInto, stepState } from './forward.ts';
import type { Params } from './params.ts';
import { softmaxInto } from './softmax.ts';

/** Held-out sentences as model tokens, with which targets are scored. */
export interface HeldOutData {
  /** Each sentence as tokens t_0 … t_n (`<s>`, its words with unknown ones as `<unk>`, `</s>`). */
  readonly sequences: readonly (readonly number[])[];
  /** scored[i][k] is 1 when target next_k = t_k of sentence i counts in the loss (k = 1 … n; entry 0 unused). */
  readonly scored: readonly Uint8Array[];
  /** Targets counted in the loss. */
  readonly scoredWords: number;
  /** Targets left out because the dictionary lacks the word. */
  readonly excludedTargets: number;
  /** Inputs read as `<unk>` (every unknown word is also an input, so this equals excludedTargets). */
  readonly unknownInputs: number;
  /** All targets: every word and every `</s>` (scoredWords + excludedTargets). */
  readonly totalTokens: number;
}

/** What `evaluateHeldOut` reports: the mean loss per scored word and the counts behind it. */
export interface HeldOutEvaluation {
  /** Mean cross-entropy per scored target (nats). */
  readonly meanLoss: number;
  readonly scoredWords: number;
  readonly excludedTargets: number;
  readonly unknownInputs: number;
  readonly totalTokens: number;
}

/** Encodes sentences (word lists) for `heldOutLoss`: unknown words become `<unk>` inputs and unscored targets. */
export function encodeHeldOut(dict: Dictionary, sentences: readonly { readonly words: readonly string[] }[]): HeldOutData {
  if (!Array.isArray(sentences) || sentences.length === 0) throw new RangeError('sentences is empty: give at least one sentence');
  const sequences: number[][] = [];
  const scored: Uint8Array[] = [];
  let excludedTargets = 0;
  let totalTokens = 0;
  sentences.forEach(({ words }, i) => {
    if (words.length === 0) throw new RangeError(`sentences[${i}] has no word`);
    const { indices, unknown } = encode(dict, words);
    const tokens = [dict.start, ...indices, dict.end];
    const mask = new Uint8Array(tokens.length).fill(1);
    mask[0] = 0;
    // word i of the sentence is token i + 1, the target of step k = i + 1
    for (const { position } of unknown) mask[position + 1] = 0;
    sequences.push(tokens);
    scored.push(mask);
    excludedTargets += unknown.length;
    totalTokens += tokens.length - 1;
  });
  return { sequences, scored, scoredWords: totalTokens - excludedTargets, excludedTargets, unknownInputs: excludedTargets, totalTokens };
}

/** The mean loss per scored target of encoded held-out sentences at fixed parameters, with the counts. */
export function heldOutLoss(params: Params, data: HeldOutData): HeldOutEvaluation {
  const { H, V } = params;
  const z = new Float64Array(V);
  const y = new Float64Array(V);
  let sPrev = new Float64Array(H);
  let s = new Float64Array(H);
  let loss = 0;
  data.sequences.forEach((tokens, i) => {
    checkIndices(params, tokens, `sequences[${i}]`, 2);
    const mask = data.scored[i]!;
    sPrev.fill(0);
    // s_k = f(W_rec s_{k-1} + W_x x_k + b),  y_k = softmax(W_y s_k + b_y),  E += −log y_k[next_k] if next_k is scored
    for (let k = 1; k < tokens.length; k++) {
      stepState(params, sPrev, tokens[k - 1]!, s);
      if (mask[k] === 1) {
        logitsInto(params, s, z);
        // −log y_k[next_k] = log Σ_v exp(z_v) − z_{next_k}
        loss += softmaxInto(z, y) - z[tokens[k]!]!;
      }
      [sPrev, s] = [s, sPrev];
    }
  });
  const { scoredWords, excludedTargets, unknownInputs, totalTokens } = data;
  return { meanLoss: loss / scoredWords, scoredWords, excludedTargets, unknownInputs, totalTokens };
}

/**
 * Scores the model on held-out sentences (word lists): mean cross-entropy per scored word, where a word the
 * dictionary lacks is read as `<unk>` and, as a target, left out of the mean (and counted in excludedTargets).
 */
export function evaluateHeldOut(
  params: Params,
  dict: Dictionary,
  sentences: readonly { readonly words: readonly string[] }[],
): HeldOutEvaluation {
  if (dict.words.length !== params.V) {
    throw new RangeError(`dict has ${dict.words.length} words but the model's vocabulary has V = ${params.V}`);
  }
  return heldOutLoss(params, encodeHeldOut(dict, sentences));
}
