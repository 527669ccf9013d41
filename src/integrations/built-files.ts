import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every file under `dir` (a build's output) whose name ends with one of `endings`, walked. */
export function filesUnder(dir: string, endings: readonly string[]): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => endings.some((ending) => name.endsWith(ending)))
    .map((name) => join(dir, name));
}

/** Every page (`.html` file) under `dir`. */
export function htmlFiles(dir: string): string[] {
  return filesUnder(dir, ['.html']);
}

/** What a built page puts before `_astro/` in its asset URLs (`/`, or the sub-path it was built for), if it has any. */
export function assetBase(html: string): string | undefined {
  return /\b(?:href|src)="([^"]*?)_astro\//.exec(html)?.[1];
}
