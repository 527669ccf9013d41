import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { equationId, indexEquations } from '~/markdown/equation-index.ts';
import { chapterSlug } from '~/markdown/chapter-files.ts';
import { compileChapter } from './pipeline.ts';

/** A folder of chapter files written for one test. */
function chapters(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'chapters-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const one = '---\ntitle: One\n---\n\n$$\na = b \\label{first}\n$$\n\n$$\nc = d\n$$\n\n$$\ne = f \\label{second}\n$$\n';
const two = '---\ntitle: Two\n---\n\nSee $\\eqref{second}$ and $\\eqref{third}$.\n\n$$\ng = h \\label{third}\n$$\n';

describe('indexEquations', () => {
  it('numbers labels site-wide in reading order, skipping unlabelled equations', () => {
    const index = indexEquations(chapters({ '01-one.mdx': one, '02-two.mdx': two }));
    expect([...index.values()]).toEqual([
      { label: 'first', number: 1, slug: 'one' },
      { label: 'second', number: 2, slug: 'one' },
      { label: 'third', number: 3, slug: 'two' },
    ]);
  });
  it('refuses a label used twice, naming the file and line', () => {
    const dir = chapters({ '01-one.mdx': one, '02-two.mdx': '\n\n$$ x \\label{first} $$\n' });
    expect(() => indexEquations(dir)).toThrow(/02-two\.mdx:3: equation label "first" is already used/);
  });
  it('refuses a label with characters an anchor cannot carry', () => {
    expect(() => indexEquations(chapters({ '01-one.mdx': '$$ x \\label{Bad Label} $$' }))).toThrow(/lower-case/);
  });
});

describe('chapterSlug', () => {
  it.each([
    ['content/chapters/04-counting-ones.mdx', 'counting-ones'],
    ['03-the-model.mdx', 'the-model'],
  ])('chapterSlug(%j) is %j', (path, slug) => {
    expect(chapterSlug(path)).toBe(slug);
  });
  it('refuses a file without the number prefix', () => {
    expect(() => chapterSlug('counting.mdx')).toThrow(RangeError);
  });
});

describe('the Markdown pipeline', () => {
  const dir = chapters({ '01-one.mdx': one, '02-two.mdx': two });

  it('tags a labelled equation with its number and an anchor id around the rendered KaTeX', async () => {
    const js = await compileChapter(one, join(dir, '01-one.mdx'), dir);
    expect(js).toContain(`id: "${equationId('first')}"`);
    expect(js).toContain('"data-equation": "1"');
    // KaTeX was given the tag \tag{2} for the second labelled equation (the annotation keeps the TeX)
    expect(js).toContain('e = f \\\\tag{2}');
    // MathML is there for screen readers
    expect(js).toContain('"math"');
  });

  it('links references to equations on the same page and on other chapters', async () => {
    const js = await compileChapter(two, join(dir, '02-two.mdx'), dir, '/rnn/');
    expect(js).toContain('href: "/rnn/one/#eq-second"');
    expect(js).toContain('href: "#eq-third"');
    expect(js).toContain('"(2)"');
    expect(js).toContain('"(3)"');
  });

  it('fails on a reference to a label that does not exist, naming file and line', async () => {
    const text = 'Intro\n\nSee $\\eqref{nowhere}$.\n';
    await expect(compileChapter(text, join(dir, '02-two.mdx'), dir)).rejects.toThrow(/02-two\.mdx:3: \\eqref\{nowhere\} names no labelled equation/);
  });

  it('fails the build on a TeX error, naming file, line and column', async () => {
    const text = 'Intro\n\nmore\n\n$$\n\\frac{1}{\n$$\n';
    await expect(compileChapter(text, join(dir, '01-one.mdx'), dir)).rejects.toThrow(/01-one\.mdx:5:1: TeX error: KaTeX parse error/);
  });

  it('fails the build on a strict-mode warning (KaTeX strict: error)', async () => {
    // Unicode text in math mode is a strict-mode violation KaTeX would otherwise only warn about.
    const text = '$$\né x\n$$\n';
    await expect(compileChapter(text, join(dir, '01-one.mdx'), dir)).rejects.toThrow(/TeX error/);
  });
});
