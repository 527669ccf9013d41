// The JavaScript each built page costs a reader, gzip-compressed file by file as a host serves it: every script the
// page's HTML names (islands, renderers, inline scripts) and every module, chunk and worker those scripts name in turn.
// Run after `npm run build`: `node --experimental-strip-types bench/page-js.ts [dist]`. Prints a table; asserts nothing.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { builtPages, pagePath } from '../test/support/site-pages.ts';

const dist = process.argv[2] ?? process.env.OUT_DIR ?? 'dist';
if (!existsSync(join(dist, 'index.html'))) {
  console.error(`bench/page-js: no build in "${dist}": run npm run build first.`);
  process.exit(1);
}

/** The files under `_astro/` that a script or page names, as paths in the build. */
function named(text: string): string[] {
  return [...text.matchAll(/["'`(]([^"'`\s()]*?_astro\/[\w.-]+\.js|\.\/[\w.-]+\.js)["'`)]/g)]
    .map((match) => join(dist, '_astro', match[1].split('/').pop()!))
    .filter((file) => existsSync(file));
}

const rows: Record<string, string | number>[] = [];
for (const file of builtPages(dist)) {
  const html = readFileSync(join(dist, file), 'utf8');
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1]).join('\n');
  const seen = new Set<string>();
  const queue = named(html);
  while (queue.length > 0) {
    const script = queue.pop()!;
    if (seen.has(script)) continue;
    seen.add(script);
    queue.push(...named(readFileSync(script, 'utf8')));
  }
  const bytes = [...seen].reduce((sum, script) => sum + gzipSync(readFileSync(script)).length, inline ? gzipSync(inline).length : 0);
  if (bytes === 0) continue;
  rows.push({ page: `/${pagePath(file)}`, files: seen.size, 'JS gzip (bytes)': bytes, 'JS gzip (KB)': Number((bytes / 1024).toFixed(1)) });
}
console.log(`JavaScript per page (${dist}), gzip file by file:`);
console.table(rows);
