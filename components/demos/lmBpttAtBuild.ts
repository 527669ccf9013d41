/**
 * Build-time (server-only) numbers for the next-word BPTT cell: the backward pass's first step k = n over the
 * chapter's sentence, computed by the core from public/data/lm-weights.json so the cell reads correctly without
 * JavaScript. Imported by the chapter's MDX only, so the weights stay out of the browser's JavaScript.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { deserializeParams, encode, lmBpttTrace } from '~/core/lm/index.ts';
import { CHAPTER_SENTENCE } from '~/notebook/params/nextWord.ts';
import { bpttView, firstView, type LmBpttFirstView } from './lmBpttView.ts';

/** The cell's first view: step k = n of the backward pass over the chapter's sentence, with the shipped weights. */
export function lmBpttInitial(): LmBpttFirstView {
  const { params, dict } = deserializeParams(JSON.parse(readFileSync(resolve(process.cwd(), 'public/data/lm-weights.json'), 'utf8')));
  const { indices } = encode(dict, CHAPTER_SENTENCE);
  const trace = lmBpttTrace(params, [dict.start, ...indices, dict.end]);
  return firstView(bpttView(trace, dict, trace.n));
}
