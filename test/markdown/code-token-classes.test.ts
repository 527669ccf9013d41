import { describe, expect, it } from 'vitest';
import { classifyCodeTokens, linkAfterStylesheets, tokenClass, tokenStylesheet } from '~/integrations/code-token-classes';

// A code block as Astro's <Code> writes it with two themes, cut to two lines.
const block =
  '<pre class="astro-code astro-code-themes github-light github-dark" style="background-color:#fff;--shiki-dark-bg:#24292e;color:#24292e;--shiki-dark:#e1e4e8; overflow-x: auto;" tabindex="0" data-language="ts"><code>' +
  '<span class="line"><span style="color:#6A737D;--shiki-dark:#6A737D">/** doc */</span></span>\n' +
  '<span class="line"><span style="color:#D73A49;--shiki-dark:#F97583">export</span><span style="color:#24292E;--shiki-dark:#E1E4E8"> x </span><span style="color:#D73A49;--shiki-dark:#F97583">=</span></span>' +
  '</code></pre>';
const outside = '<p><span style="color:#D73A49;--shiki-dark:#F97583">not code</span></p>';
const page = `<html><head><link rel="stylesheet" href="/rnn/_astro/a.css"><link rel="stylesheet" href="/rnn/_astro/b.css"><link rel="stylesheet" href="/rnn/pagefind/ui.css"></head><body>${outside}${block}</body></html>`;

describe('code token classes', () => {
  it('gives each token a class named by its two colours, and keeps the rules it needs', () => {
    const { html, rules } = classifyCodeTokens(page);
    expect(tokenClass('#D73A49', '#F97583')).toBe('td73a49-f97583');
    expect(html).toContain('<span class="line"><span class="td73a49-f97583">export</span><span class="t24292e-e1e4e8"> x </span><span class="td73a49-f97583">=</span></span>');
    expect(html).toContain('<span class="t6a737d-6a737d">/** doc */</span>');
    expect([...rules]).toEqual([
      ['t6a737d-6a737d', 'color:#6A737D;--shiki-dark:#6A737D'],
      ['td73a49-f97583', 'color:#D73A49;--shiki-dark:#F97583'],
      ['t24292e-e1e4e8', 'color:#24292E;--shiki-dark:#E1E4E8'],
    ]);
    // the block's own style, the text and everything outside code blocks are as they were
    expect(html).toContain('style="background-color:#fff;--shiki-dark-bg:#24292e;color:#24292e;--shiki-dark:#e1e4e8; overflow-x: auto;"');
    expect(html).toContain(outside);
    expect(html.replace(/<[^>]+>/g, '')).toBe(page.replace(/<[^>]+>/g, ''));
  });

  it('leaves a page without code as it is', () => {
    const plain = `<html><body>${outside}</body></html>`;
    expect(classifyCodeTokens(plain)).toEqual({ html: plain, rules: new Map() });
  });

  it('writes the rules in a stable order, scoped to code blocks', () => {
    const { rules } = classifyCodeTokens(page);
    const css = tokenStylesheet(rules);
    expect(css).toBe(
      '.astro-code .t24292e-e1e4e8{color:#24292E;--shiki-dark:#E1E4E8}\n' +
        '.astro-code .t6a737d-6a737d{color:#6A737D;--shiki-dark:#6A737D}\n' +
        '.astro-code .td73a49-f97583{color:#D73A49;--shiki-dark:#F97583}\n',
    );
    expect(tokenStylesheet(new Map([...rules].reverse()))).toBe(css);
  });

  it("links the stylesheet after the page's own, before any other", () => {
    const html = linkAfterStylesheets(page, '/rnn/_astro/code.x.css');
    const hrefs = [...html.matchAll(/rel="stylesheet" href="([^"]+)"/g)].map((match) => match[1]);
    expect(hrefs).toEqual(['/rnn/_astro/a.css', '/rnn/_astro/b.css', '/rnn/_astro/code.x.css', '/rnn/pagefind/ui.css']);
    expect(() => linkAfterStylesheets('<html><body></body></html>', '/x.css')).toThrow(/no stylesheet/);
  });
});
