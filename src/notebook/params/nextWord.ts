import { sentenceParam, stepParam } from '../param.ts';

// The next-word chapter's parameters: the sentence its cells share, and the BPTT stepper's step (chapter 9).

/** The longest sentence, in words, the next-word cells read. */
export const SENTENCE_MAX_WORDS = 30;

/** The chapter's sentence, "I like French", as the model reads it (case-folded words). */
export const CHAPTER_SENTENCE = ['i', 'like', 'french'];

/** The sentence every next-word cell of the page reads: its words w_1 … w_m, tokens t_0 … t_n with n = m + 1. */
export const sentence = sentenceParam({ key: 'sentence', label: 'Sentence', symbol: { base: '' }, name: 'sentence', maxWords: SENTENCE_MAX_WORDS, initial: CHAPTER_SENTENCE });

/** The next-word BPTT stepper's step k, from n = words + 1 (the prediction of the end marker) down to 1; null is n. */
export const lmStep = stepParam({ key: 'lmStep', label: 'backward step', symbol: { base: 'k' }, name: 'step k', maxLength: SENTENCE_MAX_WORDS + 1, over: 'sentence' });
