import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILDS, buildHas } from '../support/builds.ts';

// The chapter's table from equations to code: every "file:line" it shows must be the line of that file that declares
// the function it names, and every equation it names must be an equation of the site, read from the built page.
const PAGE = 'backpropagation-through-a-layer/index.html';

for (const { dir } of BUILDS) {
  describe(`the equation-to-code table in ${dir}/`, () => {
    if (!buildHas(dir, PAGE)) return;
    const html = readFileSync(join(dir, PAGE), 'utf8');
    const table = /<table class="code-map">([\s\S]*?)<\/table>/.exec(html)?.[1] ?? '';
    const rows = [...table.matchAll(/<code>(\w+)<\/code> <span class="code-map-where" data-file="([^"]+)" data-line="(\d+)">/g)];

    it('lists the core functions of every equation of the backward and forward passes', () => {
      const labels = [...table.matchAll(/data-eq="([\w-]+)"/g)].map((m) => m[1]);
      expect(labels).toEqual(['lm-state', 'lm-output', 'lm-loss', 'lm-output-error', 'lm-delta', 'lm-grad-state', 'lm-grad-output']);
      expect(rows.length).toBeGreaterThanOrEqual(labels.length);
    });

    it.each(rows.map((m) => [m[1], m[2], Number(m[3])] as const))('%s is declared at %s:%i', (name, path, line) => {
      const source = readFileSync(path, 'utf8').split('\n');
      expect(source[line - 1]).toMatch(new RegExp(`\\bfunction ${name}\\s*[(<]`));
    });

    it('links each equation to its anchor: on this page, or on the chapter page that holds it', () => {
      const links = [...table.matchAll(/href="([^"]*)#(eq-[\w-]+)"/g)];
      expect(links.length).toBe(7);
      for (const [, page, id] of links) {
        const target = page === '' ? html : readFileSync(join(dir, page.replace(/^\/(rnn\/)?/, ''), 'index.html'), 'utf8');
        expect(target, `${page}#${id}`).toContain(`id="${id}"`);
      }
    });
  });
}
