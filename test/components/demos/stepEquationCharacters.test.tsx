import fc from 'fast-check';
import type { Element, Nodes } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { FunctionComponent } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import type { CellProps } from '@components/defineCell.tsx';
import ForwardCell from '@components/demos/ForwardDemo.tsx';
import { STEP_EQUATION_CHARACTERS } from '@components/demos/stepEquationCharacters.ts';
import { buildPageNotebook } from '~/site/page-notebook.ts';
import { formatNumber, NUMBER_CHARACTERS } from '~/notebook/format.ts';

const ForwardDemo = ForwardCell as unknown as FunctionComponent<CellProps>;

/** The characters of the step equation by the KaTeX font file each is drawn from (ForwardDemo.css): `<var>` in KaTeX_Math italic, the rest in KaTeX_Main. */
function charactersByFile(html: string): Map<string, Set<string>> {
  let equation: Element | undefined;
  visit(fromHtml(html, { fragment: true }), 'element', (node) => {
    const classes = node.properties.className;
    if (Array.isArray(classes) && classes.includes('step-equation')) equation = node;
  });
  if (!equation) throw new Error('no step equation rendered');
  const found = new Map<string, Set<string>>();
  const walk = (node: Nodes, file: string) => {
    if (node.type === 'text') {
      const set = found.get(file) ?? new Set<string>();
      for (const character of node.value) if (!'\n\t'.includes(character)) set.add(character);
      found.set(file, set);
    } else if (node.type === 'element') {
      const next = node.tagName === 'var' ? 'Math-Italic' : file;
      for (const child of node.children) walk(child, next);
    }
  };
  walk(equation, 'Main-Regular');
  return found;
}

describe('the characters the subset fonts keep for the forward cell’s step equation', () => {
  it('include every character formatNumber writes, for any number and any number of digits', () => {
    fc.assert(
      fc.property(fc.double(), fc.integer({ min: 1, max: 8 }), (value, digits) => {
        for (const character of formatNumber(value, digits)) expect(NUMBER_CHARACTERS).toContain(character);
      }),
      { numRuns: 2000 },
    );
    // the special values and both notations, written out
    expect(['∞', '−∞', 'undefined', '1.2 × 10⁻⁷', '−3.5 × 10¹²'].map((text) => [...text].every((c) => NUMBER_CHARACTERS.includes(c)))).toEqual([true, true, true, true, true]);
    expect(formatNumber(-1.2e-7)).toBe('−1.2 × 10⁻⁷');
  });

  it.each([
    ['the defaults', {}],
    ['negative weights, mid-sequence', { wRec: -2.5, wX: -1.25, step: 7 }],
    ['numbers in scientific notation', { x: Array(30).fill(1), wRec: 3, step: 30 }],
    ['tiny numbers', { wRec: 0.01, wX: 0.0001, step: 12 }],
    ['an overflow to infinity', { x: Array(800).fill(1), wRec: 3, step: 800 }],
    ['an overflow alternating in sign', { x: Array(801).fill(1), wRec: -3, wX: -3, step: 801 }],
  ])('cover each font file it draws from: %s', (_, declared) => {
    const notebook = buildPageNotebook(ForwardCell.cell.params, declared);
    const found = charactersByFile(renderToString(<ForwardDemo notebook={notebook} />));
    expect([...found.keys()].sort()).toEqual(['Main-Regular', 'Math-Italic']);
    for (const [file, characters] of found) {
      const kept = STEP_EQUATION_CHARACTERS[file as keyof typeof STEP_EQUATION_CHARACTERS];
      expect([...characters].filter((c) => !kept.includes(c)), file).toEqual([]);
    }
  });
});
