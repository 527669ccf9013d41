import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { proseLiterals } from '../support/prose-literals.ts';

const CHAPTERS = 'content/chapters';

/**
 * The numerals each chapter may type by hand, each with its reason: inputs and settings the text chooses (a weight
 * to try, a sequence length), and counts of things in the text. Every result (a loss, a gradient, a trained weight,
 * a ratio, an iteration count, a probability) is computed by the core where the chapter shows it, with
 * `<Computed>` or `<ComputedMath>`, and never appears here. An entry no longer used fails the test too.
 */
const ALLOWED: Record<string, Record<string, string>> = {
  '01-recurrent-networks.mdx': {
    '20': 'an example temperature, 20 °C',
    '4': 'a word position in an example',
  },
  '02-the-problem.mdx': {},
  '03-the-model.mdx': {
    '0.8': 'weights the reader is invited to try (w_rec = 0.8, −0.8)',
    '1.2': 'a weight the reader is invited to try',
    '1000': 'a sequence length in an example (1,000 steps)',
  },
  '04-counting-ones.mdx': {
    '12': "the worked example's length n",
    '3': 'a step of the sequence; the weight w_rec = 3 the text tries',
    '0.9': 'a weight the reader is invited to try',
    '1.1': 'a weight the reader is invited to try',
    '64': 'the width of a double, 64 bits',
  },
  '05-backpropagation-through-time.mdx': {
    '4': "the worked example's length n = 4 and its step numbers",
    '3': 'a step number of the worked table; the weight w_rec = 3 the text tries',
    '0.5': "the worked example's weight w_rec = 0.5",
    '700': 'a sequence length the text tries (700 ones)',
  },
  '06-training.mdx': {
    '10': 'the sequence length n = 10 of the data; the 10 of √10, half a decade',
    '1.5': 'the default start w_x = −1.5, and starts the text tries',
    '0.5': 'a start the text tries, (0.5, 0.5)',
    '0.001': 'learning rates the text sets (η = 0.001)',
    '0.0005': "momentum's default learning rate, as the text names it",
    '0.000001': 'the smallest learning rate the field accepts, which the text tries',
  },
  '07-vanishing-and-exploding-gradients.mdx': {
    '50': 'a number of steps in an example',
    '1000': 'a sequence length the text tries',
    '1.5': 'a weight the text tries',
    '0.5': 'a weight the text tries',
    '3': 'a weight the text tries',
    '0.01': 'a weight, a learning rate the text sets',
    '1.2': 'a weight the text tries',
    '6': 'a truncation window τ the text reads the chart at',
    '10': 'the largest penalty λ of the grid; a window τ',
    '0.1': 'a penalty λ the text tries',
    '0.99': 'a forget gate the text tries',
    '0.9': 'a recurrent weight the text compares with',
  },
  '08-long-short-term-memory.mdx': {
    '4': 'the four gates of the cell; the 4 of the Richardson combination (4 D(h) − D(2h)) / 3',
    '3': 'the 3 of the Richardson combination',
    '12': 'the variance 1/12 of a uniform number, derived in the text',
    '6': 'the variance 1/6 derived in the text',
    '0.5': 'a forget gate the text tries',
    '20': 'a number of steps the text tries',
    '10': 'T = 10, a sequence length of the race',
  },
  '09-next-word.mdx': {},
  '10-backpropagation-through-a-layer.mdx': {
    '25': "min-char-rnn's window of 25 characters, a setting of that program",
    '5': "min-char-rnn's clipping range [−5, 5], a setting of that program",
  },
};

const chapters = readdirSync(CHAPTERS).filter((file) => file.endsWith('.mdx')).sort();

describe('the prose states no result typed by hand', () => {
  it('every chapter has a list of allowed literals', () => {
    expect(chapters.filter((file) => !(file in ALLOWED))).toEqual([]);
  });

  it.each(chapters.filter((file) => file in ALLOWED))('%s types only its allowed literals', (file) => {
    const allowed = ALLOWED[file];
    const found = proseLiterals(readFileSync(join(CHAPTERS, file), 'utf8'));
    const typed = found.filter((literal) => !(literal.value in allowed)).map((literal) => `${CHAPTERS}/${file}:${literal.line}: ${literal.value}`);
    expect(typed, 'numbers typed by hand: compute them with <Computed> or <ComputedMath>, or allow them with a reason').toEqual([]);
    const unused = Object.keys(allowed).filter((value) => !found.some((literal) => literal.value === value));
    expect(unused, 'allowed literals the chapter no longer uses').toEqual([]);
  });
});

describe('proseLiterals', () => {
  it('finds a result typed into prose or math, with its line', () => {
    const source = '---\ntitle: T\n---\nimport X from "x";\nexport const e = 0.8317;\n\nThe error there is 0.8317.\n\n$$\nE = 3{,}600 \\label{e-1}\n$$\n';
    expect(proseLiterals(source)).toEqual([
      { line: 7, value: '0.8317' },
      { line: 10, value: '3600' },
    ]);
  });

  it('leaves out what is not prose or is allowed by rule', () => {
    const source = [
      '---',
      'order: 7',
      '---',
      'Chapter 5 and chapters 3 to 7 (Hochreiter 1997) use 0, 1 and 2.',
      'A link [to a page](../a-99/) and `code 4.5` and {formatNumber(3.25)} and <Computed value={4.75} />.',
      'Math: $x_{12} + s^{34} + 10^{-6} + \\eqref{eq-56}$.',
      '',
      '## Further reading',
      '',
      '- Someone (1999). *Journal* 12(3), 45–67.',
    ].join('\n');
    expect(proseLiterals(source)).toEqual([]);
  });
});
