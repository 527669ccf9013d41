import { createHash } from 'node:crypto';
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

/** A page's {@link assetBase}, or an error naming the page (`where`) when it names no asset to take it from. */
export function requiredAssetBase(html: string, where: string): string {
  const base = assetBase(html);
  if (base === undefined) throw new Error(`${where}: no asset under _astro/ to take the base from`);
  return base;
}

/** The part of a file name that names its content (`length` characters of its SHA-256, URL-safe base64). */
export function contentHash(content: Uint8Array | string, length = 10): string {
  return createHash('sha256').update(content).digest('base64url').slice(0, length);
}
