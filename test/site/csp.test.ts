import { createHash } from 'node:crypto';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, cspHash, withContentSecurityPolicy } from '~/site/csp.ts';

/** The policy of a page, parsed by an HTML parser: directive name → its sources. */
function policyOf(html: string): Map<string, string[]> {
  const metas: Element[] = [];
  visit(fromHtml(html), 'element', (node) => {
    if (node.tagName === 'meta' && String(node.properties.httpEquiv).toLowerCase() === 'content-security-policy') metas.push(node);
  });
  expect(metas).toHaveLength(1);
  return new Map(
    String(metas[0].properties.content)
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .map(([name, ...sources]) => [name, sources]),
  );
}

const page = (head: string, body = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title>${head}</head><body>${body}</body></html>`;

describe('cspHash', () => {
  it.each([
    // the SHA-256 of no bytes, as published for the algorithm
    ['', "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"],
    // a non-ASCII character is hashed as its UTF-8 bytes (C3 A9), as browsers do
    ['é', `'sha256-${createHash('sha256').update(Buffer.from([0xc3, 0xa9])).digest('base64')}'`],
  ])('cspHash(%j) is the quoted base64 SHA-256 source', (text, expected) => {
    expect(cspHash(text)).toBe(expected);
  });
});

describe('contentSecurityPolicy', () => {
  it('allows only the site itself, inline code by hash, style attributes, and no plugins', () => {
    const policy = contentSecurityPolicy({ scriptHashes: ["'sha256-a'", "'sha256-a'"], styleHashes: ["'sha256-b'"], wasm: false });
    expect(policy).toBe(
      "default-src 'self'; script-src 'self' 'sha256-a'; style-src-elem 'self' 'sha256-b'; style-src-attr 'unsafe-inline'; " +
        "img-src 'self'; font-src 'self'; connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'",
    );
  });

  it("adds 'wasm-unsafe-eval' to script-src only when the page compiles WebAssembly", () => {
    const sources = (wasm: boolean) => policyOf(page(`<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy({ scriptHashes: [], styleHashes: [], wasm })}">`));
    expect(sources(true).get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(sources(false).get('script-src')).toEqual(["'self'"]);
    for (const [name, values] of sources(true)) if (name !== 'script-src') expect(values, name).not.toContain("'wasm-unsafe-eval'");
  });
});

describe('withContentSecurityPolicy', () => {
  const inlineScript = "(()=>{window.x='</p>'})();";
  const moduleScript = 'import"./a.js";';
  const style = 'astro-island{display:contents}';
  const html = page(
    `<link rel="stylesheet" href="/a.css"><script src="/theme.js"></script><style>${style}</style>`,
    `<p>text</p><script>${inlineScript}</script><script type="module">${moduleScript}</script><script type="module" src="/b.js"></script>`,
  );

  it('hashes every inline script and style, and no script loaded from a file', () => {
    const policy = policyOf(withContentSecurityPolicy(html, { wasm: false }));
    expect(policy.get('script-src')).toEqual(["'self'", cspHash(inlineScript), cspHash(moduleScript)]);
    expect(policy.get('style-src-elem')).toEqual(["'self'", cspHash(style)]);
  });

  it('puts the policy right after the charset, before anything the page loads, and changes nothing else', () => {
    const out = withContentSecurityPolicy(html, { wasm: true });
    expect(out).toMatch(/^<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="[^"]+"><title>/);
    expect(out.replace(/<meta http-equiv="Content-Security-Policy" content="[^"]+">/, '')).toBe(html);
    expect(policyOf(out).get('script-src')).toContain("'wasm-unsafe-eval'");
  });

  it.each([
    // nowhere to put the tag before the page's first resource
    ['<!doctype html><html><head><title>t</title></head><body></body></html>', /no <meta charset>/],
    // a second policy would only narrow the first: refuse rather than guess
    [page(`<meta http-equiv="content-security-policy" content="default-src 'none'">`), /already has a Content-Security-Policy/],
  ])('refuses a page it cannot give one policy: %s', (input, message) => {
    expect(() => withContentSecurityPolicy(input, { wasm: false })).toThrow(message);
  });
});
