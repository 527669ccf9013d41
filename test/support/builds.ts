import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';

/** The two builds `npm test` makes: the site at `/` and the same site under a sub-path (`DIST_DIR`, `SUB_DIST_DIR` override). */
export const BUILDS = [
  { dir: process.env.DIST_DIR ?? 'dist', base: '/' },
  { dir: process.env.SUB_DIST_DIR ?? 'dist-sub', base: '/rnn/' },
];

/**
 * Inside a `describe` over a build: a test that fails (naming the file) when the build lacks `file`, and whether it
 * has it, so the checks that read it are declared only then. `npm test` makes both builds first.
 */
export function buildHas(dir: string, file: string): boolean {
  const path = join(dir, file);
  const present = existsSync(path);
  it(`has ${file} (npm test builds it)`, () => {
    expect(existsSync(path), path).toBe(true);
  });
  return present;
}
