/*
 * The parts of a built chapter that its first screen is made of, as the build-output integrations read them: the
 * island loader stands where the opening ends (island-runtime-file.ts), and the KaTeX faces the page preloads are
 * those of the opening and of the first section (katex-font-subset.ts).
 */

/** Where a page's article starts and ends, and where each of its section headings (`<h2>`) starts. */
function articleOf(html: string): { start: number; end: number; headings: number[] } | undefined {
  const start = html.search(/<article\b/);
  if (start < 0) return undefined;
  const close = html.indexOf('</article>', start);
  const end = close < 0 ? html.length : close;
  const headings = [...html.slice(start, end).matchAll(/<h2\b/g)].map((match) => start + match.index);
  return { start, end, headings };
}

/** A page's article up to its `count`-th section heading (all of it if it has fewer), or the whole page without one. */
function articleUpTo(html: string, count: number): string {
  const article = articleOf(html);
  if (!article) return html;
  return html.slice(article.start, article.headings[count - 1] ?? article.end);
}

/**
 * The part of a page its first screen draws from as it opens: a chapter's opening and its first section (global.css
 * draws the blocks after the first section heading only as they come near the viewport, and the opening and the
 * first section are what is near it), or the whole of a page that is not a chapter.
 */
export function firstScreen(html: string): string {
  return articleUpTo(html, 2);
}

/**
 * The part of a page its first frame draws: a chapter's opening, up to its first section heading (on a phone the
 * blocks after it wait for the next frame, first-frame.js; the island loader stands there), or the whole of a page
 * that is not a chapter.
 */
export function opening(html: string): string {
  return articleUpTo(html, 1);
}

/** Where a chapter's opening ends: the start of its article's first section heading, if it has one. */
export function openingEnd(html: string): number | undefined {
  return articleOf(html)?.headings[0];
}
