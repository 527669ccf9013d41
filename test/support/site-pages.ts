import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Every HTML page of a build, as paths relative to its root (`the-model/index.html`), found by walking it. */
export function builtPages(dir: string): string[] {
  const pages: string[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.html')) pages.push(relative(dir, path));
    }
  };
  walk(dir);
  return pages.sort();
}

/** The URL path of a built page: `the-model/index.html` → `the-model/`, `404.html` → `404.html`. */
export function pagePath(file: string): string {
  return file === 'index.html' ? '' : file.replace(/(^|\/)index\.html$/, '$1');
}
