import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { htmlFiles } from './built-files.ts';
import { withContentSecurityPolicy } from '../site/csp.ts';

/** Options of {@link contentSecurityPolicy}. */
export interface ContentSecurityPolicyOptions {
  /** The pages (URL paths under the base, e.g. `search/`) that may compile WebAssembly. */
  wasmPages?: readonly string[];
}

/**
 * Writes each built page's Content-Security-Policy into a `<meta http-equiv>` tag, hashing the inline scripts and
 * styles the page ends up with (Astro's island runtime among them), so the policy travels with the files to any
 * static host.
 */
export function contentSecurityPolicy({ wasmPages = [] }: ContentSecurityPolicyOptions = {}): AstroIntegration {
  return {
    name: 'rnn-notebook:content-security-policy',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const files = htmlFiles(root);
        for (const file of files) {
          const path = relative(root, file).replaceAll('\\', '/').replace(/(^|\/)index\.html$/, '$1');
          try {
            writeFileSync(file, withContentSecurityPolicy(readFileSync(file, 'utf8'), { wasm: wasmPages.includes(path) }));
          } catch (error) {
            throw new Error(`${relative(root, file)}: ${(error as Error).message}`, { cause: error });
          }
        }
        logger.info(`Content-Security-Policy written into ${files.length} pages`);
      },
    },
  };
}
