import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sourceExcerpt } from '~/site/source-excerpt.ts';

const source = [
  "import { x } from './x.ts';",
  '',
  '/** Adds one. */',
  'export function addOne(value: number): number {',
  '  return value + 1;',
  '}',
  '',
  '/**',
  ' * A constant,',
  ' * documented on two lines.',
  ' */',
  'export const ANSWER = 42;',
  '',
  'export function* steps() {',
  '  yield 1;',
  '}',
].join('\n');

describe('sourceExcerpt', () => {
  it.each([
    // a function with its one-line doc comment, up to its closing brace
    ['addOne', '/** Adds one. */\nexport function addOne(value: number): number {\n  return value + 1;\n}'],
    // a one-line declaration with a multi-line doc comment
    ['ANSWER', '/**\n * A constant,\n * documented on two lines.\n */\nexport const ANSWER = 42;'],
    // a generator
    ['steps', 'export function* steps() {\n  yield 1;\n}'],
  ])('sourceExcerpt(source, %j) is the export and its doc comment', (name, expected) => {
    expect(sourceExcerpt(source, name)).toBe(expected);
  });

  it('is the whole file without a name', () => {
    expect(sourceExcerpt(`${source}\n\n`)).toBe(source);
  });

  it('throws for a missing export, so a rename fails the build', () => {
    expect(() => sourceExcerpt(source, 'addTwo')).toThrow(/no export named "addTwo"/);
  });

  it('finds the core forward pass in the real files: forward and the kernel it calls', () => {
    const forward = sourceExcerpt(readFileSync('src/core/forward.ts', 'utf8'), 'forward');
    expect(forward).toMatch(/^\/\*\*/);
    expect(forward).toContain('return forwardInto(x, w.wRec, w.wX, s);');
    expect(forward.trimEnd().endsWith('}')).toBe(true);
    const kernel = sourceExcerpt(readFileSync('src/core/forwardInto.ts', 'utf8'), 'forwardInto');
    expect(kernel).toMatch(/^\/\*\*/);
    expect(kernel).toContain('sk = sk * wRec + x[k - 1] * wX;');
    expect(kernel.trimEnd().endsWith('}')).toBe(true);
  });
});
