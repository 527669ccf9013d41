import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const version = (packageJson: string) => JSON.parse(readFileSync(packageJson, 'utf8')).version as string;

describe('one KaTeX version for the renderer and the CSS', () => {
  it('rehype-katex renders with the same KaTeX whose CSS the pages load', () => {
    const site = require.resolve('katex/package.json');
    const rehypeKatexEntry = fileURLToPath(import.meta.resolve('rehype-katex'));
    const rendering = createRequire(rehypeKatexEntry).resolve('katex/package.json');
    expect(version(rendering)).toBe(version(site));
    expect(rendering).toBe(site);
  });

  it('the CSS file shipped is the one of that version', () => {
    const css = readFileSync(require.resolve('katex/dist/katex.min.css'), 'utf8');
    const declared = version(require.resolve('katex/package.json'));
    // KaTeX stamps its version into the CSS: `.katex .katex-version:after { content: "0.19.1" }`.
    const stamp = /katex-version:after\{content:"([\d.]+)"\}/.exec(css);
    expect(stamp?.[1]).toBe(declared);
  });
});
