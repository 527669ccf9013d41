import { describe, expect, it } from 'vitest';
import { bundleStylesheets } from '~/integrations/stylesheet-bundle';

const files: Record<string, string> = { 'a.css': '.a{color:red}\n', 'b.css': '.b{src:url(./KaTeX.woff2)}', 'c.css': '.a{color:blue}' };
const read = (href: string) => {
  const name = href.slice(href.lastIndexOf('/') + 1);
  if (!(name in files)) throw new Error(`no ${href}`);
  return files[name];
};
const page = (...hrefs: string[]) => `<html><head><title>t</title>${hrefs.map((h) => `<link rel="stylesheet" href="${h}">`).join('')}</head><body></body></html>`;

describe('bundleStylesheets', () => {
  it('replaces the links by one link to their concatenation, in the page order, under the same base', () => {
    const { html, bundle } = bundleStylesheets(page('/rnn/_astro/a.css', '/rnn/_astro/b.css', '/rnn/_astro/c.css'), read);
    expect(bundle!.css).toBe('.a{color:red}\n.b{src:url(./KaTeX.woff2)}\n.a{color:blue}');
    expect(bundle!.name).toMatch(/^pages\.[\w-]{10}\.css$/);
    expect([...html.matchAll(/<link rel="stylesheet" href="([^"]+)">/g)].map((m) => m[1])).toEqual([`/rnn/_astro/${bundle!.name}`]);
    expect(html).toContain('<title>t</title>');
  });

  it('names a bundle by its content: the same stylesheets share a file, another order does not', () => {
    const one = bundleStylesheets(page('/_astro/a.css', '/_astro/b.css'), read).bundle!.name;
    expect(bundleStylesheets(page('/_astro/a.css', '/_astro/b.css'), read).bundle!.name).toBe(one);
    expect(bundleStylesheets(page('/_astro/b.css', '/_astro/a.css'), read).bundle!.name).not.toBe(one);
  });

  it('leaves a page with one stylesheet, and stylesheets outside _astro/, as they are', () => {
    const single = page('/_astro/a.css');
    expect(bundleStylesheets(single, read)).toEqual({ html: single });
    const withPagefind = page('/_astro/a.css', '/_astro/b.css', '/pagefind/pagefind-ui.css');
    const { html } = bundleStylesheets(withPagefind, read);
    expect(html).toContain('href="/pagefind/pagefind-ui.css"');
    expect(html.match(/rel="stylesheet"/g)).toHaveLength(2);
  });

  it('refuses what would change the cascade: a foreign stylesheet between its own, or an @import', () => {
    expect(() => bundleStylesheets(page('/_astro/a.css', '/other.css', '/_astro/b.css'), read)).toThrow(/between/);
    files['d.css'] = '@import "x.css";';
    expect(() => bundleStylesheets(page('/_astro/a.css', '/_astro/d.css'), read)).toThrow(/@import/);
  });
});
