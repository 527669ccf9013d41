import { describe, expect, it } from 'vitest';
import { formatComputed, renderComputedTex } from '~/site/computed.ts';

describe('formatComputed', () => {
  it('writes a result with the site formatter, every digit of a short binary fraction, or a percentage', () => {
    expect(formatComputed('a', 0.37301234)).toBe('0.373');
    expect(formatComputed('a', 0.37301234, { digits: 2 })).toBe('0.37');
    expect(formatComputed('a', -5.84375, { exact: true })).toBe('\u22125.84375');
    expect(formatComputed('a', 2.2265625, { exact: true })).toBe('2.2265625');
    expect(formatComputed('a', 0, { exact: true })).toBe('0');
    expect(formatComputed('a', 0.3849, { percent: true })).toBe('38.5 %');
  });

  it('stops the build on a value that is not finite, or passed off as exact without a short exact form', () => {
    expect(() => formatComputed('loss', Number.NaN)).toThrow('computed "loss" must be a finite number, got NaN');
    expect(() => formatComputed('loss', Infinity)).toThrow(/finite/);
    expect(() => formatComputed('ratio', 1 / 3, { exact: true })).toThrow('computed "ratio" = 0.3333333333333333 has no short exact decimal form');
    expect(() => formatComputed('tiny', 1e-30, { exact: true })).toThrow(/no short exact decimal form/);
  });
});

describe('renderComputedTex', () => {
  it('fills each slot with its number (a TeX minus, a repeated slot filled each time) and sets it with KaTeX', () => {
    const html = renderComputedTex('s_2 = {{s1}} \\cdot 0.5 + {{s1}} = {{s2}}', { s1: { value: -1, exact: true }, s2: { value: -1.5, exact: true } });
    expect(html).toContain('class="katex"');
    // the MathML annotation holds the TeX as filled
    expect(html).toContain('<annotation encoding="application/x-tex">s_2 = -1 \\cdot 0.5 + -1 = -1.5</annotation>');
  });

  it('writes powers of ten and percentages as TeX', () => {
    expect(renderComputedTex('{{a}}', { a: 1.234e-7 })).toContain('1.234 \\times 10^{-7}');
    expect(renderComputedTex('{{p}}', { p: { value: 0.5, percent: true } })).toContain('50\\,\\%');
  });

  it('stops the build on a slot without a value, a value without a slot, or bad TeX', () => {
    expect(() => renderComputedTex('E = {{loss}}', {})).toThrow('the TeX template uses {{loss}}, which has no value');
    expect(() => renderComputedTex('E = 1', { loss: 2 })).toThrow('the TeX template has no slot for loss');
    expect(() => renderComputedTex('\\frac{1}{{{a}}', { a: 2 })).toThrow();
  });
});
