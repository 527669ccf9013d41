import astroIsland from 'astro/runtime/server/astro-island.prebuilt.js';
import idleDirective from 'astro/runtime/client/idle.prebuilt.js';
import visibleDirective from 'astro/runtime/client/visible.prebuilt.js';
import { describe, expect, it } from 'vitest';
import { isIslandScript, islandRuntime, islandRuntimeLoader, islandRuntimeName, islandScripts, linkIslandRuntime } from '~/integrations/island-runtime-file';

// The scripts Astro itself inlines into a page with islands, as its package ships them.
const theme = `try { const saved = localStorage.getItem('theme'); } catch {}`;
const page = (...bodyScripts: string[]) =>
  `<html><head><script>${theme}</script><link rel="stylesheet" href="/rnn/_astro/pages.x.css"></head><body><p>text</p>` +
  bodyScripts.map((script, i) => `<script>${script}</script><astro-island uid="${i}" client="idle"><p>cell</p></astro-island>`).join('') +
  `<script type="module" src="/rnn/_astro/a.js"></script></body></html>`;

describe('island scripts', () => {
  it("recognizes Astro's island runtime and its directives, and no other script", () => {
    expect(isIslandScript(astroIsland)).toBe(true);
    expect(isIslandScript(idleDirective)).toBe(true);
    expect(isIslandScript(visibleDirective)).toBe(true);
    expect(isIslandScript(theme)).toBe(false);
    expect(isIslandScript('document.querySelector("astro-island")')).toBe(false);
    expect(islandScripts(page(astroIsland, idleDirective))).toEqual([astroIsland, idleDirective]);
  });

  it('makes one file of every distinct script, the runtime last, the same for any order the pages give them in', () => {
    const js = islandRuntime([visibleDirective, astroIsland, idleDirective, astroIsland, visibleDirective]);
    expect(js.endsWith(`${astroIsland.trim()}\n`)).toBe(true);
    expect(js.split(astroIsland.trim())).toHaveLength(2);
    for (const directive of [idleDirective, visibleDirective]) expect(js.split(directive.trim())).toHaveLength(2);
    expect(islandRuntime([idleDirective, visibleDirective, astroIsland])).toBe(js);
    expect(islandRuntimeName(js)).toMatch(/^islands\.[\w-]{10}\.js$/);
    expect(islandRuntimeName(islandRuntime([astroIsland, idleDirective]))).not.toBe(islandRuntimeName(js));
  });

  it('refuses pages whose runtimes differ, or directives without a runtime', () => {
    expect(() => islandRuntime([idleDirective])).toThrow(/one island runtime/);
    const other = astroIsland.replace('{', '{/* another build */');
    expect(() => islandRuntime([astroIsland, other])).toThrow(/found 2/);
  });

  it('replaces the first island script by the loader of the file, drops the others, and keeps every other script', () => {
    const html = linkIslandRuntime(page(astroIsland, idleDirective), '/rnn/_astro/islands.x.js');
    expect(islandScripts(html)).toEqual([]);
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((match) => match[1]);
    expect(scripts).toEqual([theme, islandRuntimeLoader('/rnn/_astro/islands.x.js')]);
    expect(html.indexOf('islands.x.js')).toBeLessThan(html.indexOf('<astro-island'));
    expect(html).toContain(`<script>${theme}</script>`);
    expect(html).toContain('<script type="module" src="/rnn/_astro/a.js"></script>');
    expect(html.match(/<astro-island/g)).toHaveLength(2);
    const none = page();
    expect(linkIslandRuntime(none, '/x.js')).toBe(none);
  });

  it("puts the loader before the first section heading of a chapter's article, after its opening", () => {
    const chapter =
      `<html><head><link rel="stylesheet" href="/_astro/pages.x.css"></head><body><main><article class="prose"><h1>Title</h1>` +
      `<script>${astroIsland}</script><astro-island uid="a"><p>bar</p></astro-island><p>Opening.</p>` +
      `<h2 id="one">One</h2><script>${idleDirective}</script><astro-island uid="b"><p>cell</p></astro-island>` +
      `<h2 id="two">Two</h2></article></main></body></html>`;
    const html = linkIslandRuntime(chapter, '/_astro/islands.x.js');
    const loader = `<script>${islandRuntimeLoader('/_astro/islands.x.js')}</script>`;
    expect(islandScripts(html)).toEqual([]);
    expect(html.split(loader)).toHaveLength(2);
    expect(html).toContain(`<p>Opening.</p>${loader}<h2 id="one">`);
    // the rest of the page as it was, less the island scripts
    expect(html.replace(loader, '')).toBe(chapter.replace(`<script>${astroIsland}</script>`, '').replace(`<script>${idleDirective}</script>`, ''));
  });

  it('writes a loader that parses, names the file as a string and cannot close its script element', () => {
    const loader = islandRuntimeLoader('/rnn/_astro/islands.x.js');
    expect(() => new Function(loader)).not.toThrow();
    expect(loader).toContain('s.src="/rnn/_astro/islands.x.js"');
    expect(loader).toContain('first-contentful-paint');
    const hostile = islandRuntimeLoader('/a"</script><b>/islands.js');
    expect(hostile).not.toContain('</script');
    expect(() => new Function(hostile)).not.toThrow();
  });
});
