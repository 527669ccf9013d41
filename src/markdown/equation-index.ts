import { readFileSync } from 'node:fs';
import { chapterSlug, listChapterFiles } from './chapter-files.ts';

/** Where a labelled equation lives and the number it is shown with. */
export interface EquationEntry {
  label: string;
  number: number;
  slug: string;
}

const LABEL = /\\label\{([^}]*)\}/g;
const VALID_LABEL = /^[a-z0-9]+(?:[-:][a-z0-9]+)*$/;

/**
 * Numbers every `\label{name}` in the chapters, in reading order, once for the whole site, so that
 * `(3)` means the same equation in every chapter and a reference can link across chapters.
 */
export function indexEquations(dir: string): Map<string, EquationEntry> {
  const index = new Map<string, EquationEntry>();
  for (const file of listChapterFiles(dir)) {
    const slug = chapterSlug(file);
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(LABEL)) {
      const label = match[1];
      const line = text.slice(0, match.index).split('\n').length;
      if (!VALID_LABEL.test(label)) {
        throw new Error(`${file}:${line}: equation label "${label}" must be lower-case letters, digits, - or :`);
      }
      const seen = index.get(label);
      if (seen) throw new Error(`${file}:${line}: equation label "${label}" is already used in chapter "${seen.slug}"`);
      index.set(label, { label, number: index.size + 1, slug });
    }
  }
  return index;
}

/** The anchor id of a labelled equation. */
export function equationId(label: string): string {
  return `eq-${label.replace(/:/g, '-')}`;
}
