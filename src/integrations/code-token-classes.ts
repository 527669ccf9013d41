import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { contentHash, htmlFiles, requiredAssetBase } from './built-files.ts';
import { buildStylesheetLinks } from './stylesheet-bundle.ts';

/** A code block as Astro's `<Code>` writes it (Shiki, class `astro-code`). */
const CODE_BLOCK = /<pre class="astro-code\b[^"]*"[\s\S]*?<\/pre>/g;

/** A token's colours in the two themes, as Shiki writes them inline on every token. */
const TOKEN_STYLE = /<span style="color:(#[0-9A-Fa-f]{3,8});--shiki-dark:(#[0-9A-Fa-f]{3,8})">/g;

/** The class of a token coloured `light` in the light theme and `dark` in the dark one: `t6a737d-6a737d`. */
export function tokenClass(light: string, dark: string): string {
  return `t${light.slice(1).toLowerCase()}-${dark.slice(1).toLowerCase()}`;
}

/**
 * A page with each code token's inline colours replaced by a class ({@link tokenClass}), and the rules those classes
 * need (class → declarations). Only inside code blocks: nothing else on a page is touched.
 */
export function classifyCodeTokens(html: string): { html: string; rules: Map<string, string> } {
  const rules = new Map<string, string>();
  const classified = html.replace(CODE_BLOCK, (block) =>
    block.replace(TOKEN_STYLE, (_span, light: string, dark: string) => {
      const name = tokenClass(light, dark);
      rules.set(name, `color:${light};--shiki-dark:${dark}`);
      return `<span class="${name}">`;
    }),
  );
  return { html: classified, rules };
}

/** The stylesheet for the classes, in a stable order so the same rules make the same file. */
export function tokenStylesheet(rules: ReadonlyMap<string, string>): string {
  return `${[...rules]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, declarations]) => `.astro-code .${name}{${declarations}}`)
    .join('\n')}\n`;
}

/** The page with a link to `href` after its last stylesheet link from `_astro/` (so the bundle puts the rules last). */
export function linkAfterStylesheets(html: string, href: string): string {
  const last = buildStylesheetLinks(html).at(-1);
  if (!last) throw new Error('the page has code but links no stylesheet from _astro/');
  const at = last.index + last[0].length;
  return `${html.slice(0, at)}<link rel="stylesheet" href="${href}">${html.slice(at)}`;
}

/**
 * After the build, gives the tokens of the cells' source code a class each instead of their inline colours. Shiki
 * writes `style="color:#6A737D;--shiki-dark:#6A737D"` on every token, several hundred per chapter: as classes the
 * colours are written once, in a stylesheet every page with code shares, and a chapter's HTML is up to 1.1 KB gzip
 * smaller. The dark theme's rule in global.css reads `--shiki-dark` from the class as it did from the inline style.
 * Runs before the stylesheet bundle, which joins the new stylesheet into each page's one file.
 */
export function codeTokenClasses(): AstroIntegration {
  return {
    name: 'rnn-notebook:code-token-classes',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const rules = new Map<string, string>();
        const pages: { file: string; html: string }[] = [];
        for (const file of htmlFiles(root)) {
          const classified = classifyCodeTokens(readFileSync(file, 'utf8'));
          if (classified.rules.size === 0) continue;
          for (const [name, declarations] of classified.rules) rules.set(name, declarations);
          pages.push({ file, html: classified.html });
        }
        if (pages.length === 0) return;
        const css = tokenStylesheet(rules);
        const name = `code.${contentHash(css)}.css`;
        writeFileSync(join(root, '_astro', name), css);
        for (const { file, html } of pages) {
          const assets = requiredAssetBase(html, relative(root, file));
          writeFileSync(file, linkAfterStylesheets(html, `${assets}_astro/${name}`));
        }
        logger.info(`code tokens of ${pages.length} pages coloured by ${rules.size} classes (_astro/${name})`);
      },
    },
  };
}
