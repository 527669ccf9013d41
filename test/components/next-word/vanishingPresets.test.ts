import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { encode, deserializeParams, stateJacobianNorms } from '~/core/lm/index.ts';
import { sentence } from '~/notebook/params/nextWord.ts';
import { VANISHING_PRESETS } from '@components/next-word/vanishingPresets.ts';

const weightsPath = fileURLToPath(new URL('../../../public/data/lm-weights.json', import.meta.url));
const { params, dict } = deserializeParams(JSON.parse(readFileSync(weightsPath, 'utf8')));

describe('VANISHING_PRESETS', () => {
  it.each(VANISHING_PRESETS.map((preset) => [preset.label, preset.words] as const))(
    '%s: every word is in the shipped dictionary and the sentence field accepts it',
    (_, words) => {
      expect(encode(dict, words).unknown).toEqual([]);
      expect(sentence.field.parse(words.join(' '))).toEqual(words);
    },
  );

  it('has a short corpus sentence and a long one of about 20 words', () => {
    const lengths = VANISHING_PRESETS.map((preset) => preset.words.length);
    expect(Math.min(...lengths)).toBeLessThanOrEqual(8);
    expect(Math.max(...lengths)).toBeGreaterThanOrEqual(18);
    const corpus = readFileSync(fileURLToPath(new URL('../../../data/corpus.txt', import.meta.url)), 'utf8').split('\n');
    expect(corpus).toContain(VANISHING_PRESETS[0].words.join(' '));
  });

  it('on the shipped weights the long preset shows the fall: ‖∂s_n/∂s_0‖₂ is below the largest ‖∂s_n/∂s_k‖₂ over k < n', () => {
    const long = VANISHING_PRESETS[1].words;
    const { norm, n } = stateJacobianNorms(params, [dict.start, ...encode(dict, long).indices, dict.end]);
    expect(norm[0]).toBeLessThan(Math.max(...Array.from(norm).slice(1, n)));
  });
});

describe('the two regimes the chapter describes with these presets', () => {
  const norms = (words: readonly string[]) => stateJacobianNorms(params, [dict.start, ...encode(dict, words).indices, dict.end]);
  it('on the short corpus sentence the norm grows going back: ‖∂s_n/∂s_0‖₂ > 1 = ‖∂s_n/∂s_n‖₂', () => {
    const { norm, n } = norms(VANISHING_PRESETS[0].words);
    expect(norm[n]).toBe(1);
    expect(norm[0]).toBeGreaterThan(1);
  });
  it('on the long sentence it falls below 1 and to under a tenth of its largest value', () => {
    const { norm } = norms(VANISHING_PRESETS[1].words);
    expect(norm[0]).toBeLessThan(1);
    expect(norm[0]).toBeLessThan(0.1 * Math.max(...norm));
  });
});
