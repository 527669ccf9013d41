import { readdirSync } from 'node:fs';
import { basename } from 'node:path';

/** The `NN-slug.mdx` naming rule for chapter files: a two-digit order prefix, then the URL slug. */
export const CHAPTER_FILE = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.mdx$/;

/** A chapter's URL slug: its file name without the number prefix (`04-counting-ones.mdx` → `counting-ones`). */
export function chapterSlug(path: string): string {
  const name = basename(path);
  const match = CHAPTER_FILE.exec(name);
  if (!match) throw new RangeError(`chapter file name must look like NN-slug.mdx, got "${name}"`);
  return match[2];
}

/** The chapter files of a directory, in reading order (by their number prefix). */
export function listChapterFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.mdx'))
    .sort()
    .map((name) => `${dir}/${name}`);
}
