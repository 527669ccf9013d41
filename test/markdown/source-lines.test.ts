import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { functionLine, lineOf } from '~/site/source-lines';

const text = ['// a file', 'export function alpha(x: number) {', '  return x; // (eq-one)', '}', 'function beta<T>(y: T) {', '  return y; // (eq-one) again', '}'].join('\n');

describe('lineOf', () => {
  it('gives the 1-based line of a unique marker', () => {
    expect(lineOf(text, 'return x;')).toBe(3);
    expect(lineOf(text, '// a file')).toBe(1);
  });
  it('refuses a marker that is missing, ambiguous or empty', () => {
    expect(() => lineOf(text, 'gamma', 'x.ts')).toThrow(/not in x\.ts/);
    expect(() => lineOf(text, '(eq-one)')).toThrow(/on 2 lines .*\(3, 6\)/);
    expect(() => lineOf(text, '')).toThrow(RangeError);
  });
});

describe('functionLine', () => {
  it('finds plain and generic declarations, not calls or longer names', () => {
    expect(functionLine(text, 'alpha')).toBe(2);
    expect(functionLine(text, 'beta')).toBe(5);
    expect(() => functionLine(text, 'alph')).toThrow(/no function alph/);
    expect(() => functionLine('alpha(1);\nfunction alpha() {}\nfunction alpha() {}', 'alpha')).toThrow(/declared on 2 lines/);
    expect(() => functionLine(text, 'not a name')).toThrow(RangeError);
  });
  it('agrees with a line counted by hand in a real core file', () => {
    const file = fileURLToPath(new URL('../../src/core/rnnStepBackward.ts', import.meta.url));
    const lines = readFileSync(file, 'utf8').split('\n');
    const n = functionLine(lines.join('\n'), 'rnnStepBackward');
    expect(lines[n - 1].startsWith('export function rnnStepBackward(')).toBe(true);
  });
});
