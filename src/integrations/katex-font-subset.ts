import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import subsetFont from 'subset-font';
import { assetBase, contentHash, filesUnder, htmlFiles } from './built-files.ts';
import { firstScreen, opening } from './chapter-parts.ts';

/** The text of HTML markup: tags dropped, character references decoded. */
function textOf(markup: string): string {
  return markup
    .replace(/<[^>]*>/g, '')
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, decimal: string) => String.fromCodePoint(Number(decimal)))
    .replace(/&(amp|lt|gt|quot|apos|nbsp);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' })[name]!);
}

/** The face a run of KaTeX text is drawn in: a family of KaTeX's stylesheet, italic or not, bold or not. */
interface Face {
  family: string;
  italic: boolean;
  bold: boolean;
}

/**
 * What each class of KaTeX's HTML sets, as `katex/dist/katex.css` says: `.katex .mathnormal { font-family: KaTeX_Math;
 * font-style: italic }` and so on. `with` is another class the same element must have (`.delimsizing.size1`), `parent`
 * a class its parent must have (`.delim-size1 > span`). The first rule that matches an element wins.
 */
const CLASS_RULES: { class: string; with?: string; parent?: string; set: Partial<Face> }[] = [
  { class: 'textrm', set: { family: 'Main' } },
  { class: 'mainrm', set: { family: 'Main', italic: false } },
  { class: 'mathrm', set: { italic: false } },
  { class: 'textit', set: { italic: true } },
  { class: 'textbf', set: { bold: true } },
  { class: 'mathnormal', set: { family: 'Math', italic: true } },
  { class: 'mathit', set: { family: 'Main', italic: true } },
  { class: 'mathbf', set: { family: 'Main', bold: true } },
  { class: 'boldsymbol', set: { family: 'Math', italic: true, bold: true } },
  ...['amsrm', 'mathbb', 'textbb'].map((name) => ({ class: name, set: { family: 'AMS' } })),
  { class: 'mathcal', set: { family: 'Caligraphic' } },
  ...['mathfrak', 'textfrak'].map((name) => ({ class: name, set: { family: 'Fraktur' } })),
  ...['mathboldfrak', 'textboldfrak'].map((name) => ({ class: name, set: { family: 'Fraktur', bold: true } })),
  ...['mathtt', 'texttt'].map((name) => ({ class: name, set: { family: 'Typewriter' } })),
  ...['mathscr', 'textscr'].map((name) => ({ class: name, set: { family: 'Script' } })),
  ...['mathsf', 'textsf'].map((name) => ({ class: name, set: { family: 'SansSerif' } })),
  ...['mathboldsf', 'textboldsf'].map((name) => ({ class: name, set: { family: 'SansSerif', bold: true } })),
  ...['mathitsf', 'mathsfit', 'textitsf'].map((name) => ({ class: name, set: { family: 'SansSerif', italic: true } })),
  ...[1, 2, 3, 4].map((size) => ({ class: 'delimsizing', with: `size${size}`, set: { family: `Size${size}` } })),
  { class: 'span', parent: 'delim-size1', set: { family: 'Size1' } },
  { class: 'span', parent: 'delim-size4', set: { family: 'Size4' } },
  { class: 'op-symbol', with: 'small-op', set: { family: 'Size1' } },
  { class: 'op-symbol', with: 'large-op', set: { family: 'Size2' } },
];

/** The face of an element of KaTeX's HTML, from its parent's face and the classes of both. */
function faceOf(classes: readonly string[], parentClasses: readonly string[], parent: Face): Face {
  let face = parent;
  for (const rule of CLASS_RULES) {
    const matches =
      (rule.class === 'span' || classes.includes(rule.class)) &&
      (!rule.with || classes.includes(rule.with)) &&
      (!rule.parent || parentClasses.includes(rule.parent));
    if (matches) face = { ...face, ...rule.set };
  }
  return face;
}

/** KaTeX's font file for a face: `Main-BoldItalic`, `Math-Italic`, `Size1-Regular`. */
export function fontFileOf({ family, italic, bold }: Face): string {
  return `${family}-${bold && italic ? 'BoldItalic' : bold ? 'Bold' : italic ? 'Italic' : 'Regular'}`;
}

/**
 * The characters KaTeX typesets on a page, by the font file each is drawn in (`Main-Regular` → "=+()…"): the text of
 * each `<span class="katex-html">` (the visual part; the MathML beside it is drawn in the reader's own math font),
 * each character under the face its element's classes give it. `.katex` itself is KaTeX_Main, upright, regular.
 */
export function katexCharacters(html: string): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  const add = (text: string, face: Face) => {
    const file = fontFileOf(face);
    const set = found.get(file) ?? new Set<string>();
    // Spaces too: a space the font lacks would be drawn, at another width, from a fallback font.
    for (const character of textOf(text)) if (!'\n\r\t'.includes(character)) set.add(character);
    if (set.size > 0) found.set(file, set);
  };
  const tags = /<(\/?)([a-z]+)\b([^>]*)>/g;
  for (const start of html.matchAll(/<span class="katex-html"[^>]*>/g)) {
    // KaTeX's HTML nests spans, and SVG for stretchy symbols (no text): follow the spans to the end of this one.
    const stack: { face: Face; classes: string[] }[] = [{ face: { family: 'Main', italic: false, bold: false }, classes: ['katex-html'] }];
    let svg = 0;
    let from = start.index + start[0].length;
    tags.lastIndex = from;
    for (let tag = tags.exec(html); tag && stack.length > 0; tag = tags.exec(html)) {
      if (svg === 0) add(html.slice(from, tag.index), stack[stack.length - 1].face);
      from = tag.index + tag[0].length;
      const [, closing, name, attributes] = tag;
      if (name === 'svg') svg += closing ? -1 : 1;
      if (name !== 'span' || svg > 0) continue;
      if (closing) {
        stack.pop();
      } else {
        const classes = /\bclass="([^"]*)"/.exec(attributes)?.[1].split(/\s+/) ?? [];
        const parent = stack[stack.length - 1];
        stack.push({ face: faceOf(classes, parent.classes, parent.face), classes });
      }
    }
  }
  return found;
}

/** A file name with Vite's content hash replaced: `KaTeX_Main-Regular.B22Nviop.woff2` → `KaTeX_Main-Regular.<hash>.woff2`. */
function hashedName(name: string, content: Uint8Array | string): string {
  return name.replace(/^(.*)\.[\w-]+(\.\w+)$/, `$1.${contentHash(content, 8)}$2`);
}

/** Rewrites each of the given files by `change`; returns the files it changed. */
function rewrite(files: readonly string[], change: (text: string) => string): string[] {
  return files.filter((file) => {
    const text = readFileSync(file, 'utf8');
    const next = change(text);
    if (next !== text) writeFileSync(file, next);
    return next !== text;
  });
}

/** The text with every occurrence of each old name replaced by its new one. */
function renamedIn(text: string, names: ReadonlyMap<string, string>): string {
  let next = text;
  for (const [from, to] of names) next = next.replaceAll(from, to);
  return next;
}

/**
 * A stylesheet whose `@font-face` rules for KaTeX name only their WOFF2 file: KaTeX's own list each face's WOFF and
 * TrueType files after it, for browsers without WOFF2, and every browser the site runs in reads WOFF2. The fallbacks
 * cost the stylesheet, which every page waits for, 40 URLs (about 0.6 KB gzip) that no browser follows.
 */
export function woff2Only(css: string): string {
  return css.replace(/\s*,\s*url\(\s*["']?[^)"']*KaTeX_[\w-]+(?:\.[\w-]+)?\.(?:woff|ttf)["']?\s*\)\s*format\(\s*["'](?:woff|truetype)["']\s*\)/g, '');
}

/** A CSS `unicode-range` value covering exactly the given characters: `U+28-29,U+2B,U+30-39`. */
export function unicodeRange(characters: Iterable<string>): string {
  const points = [...new Set([...characters].map((character) => character.codePointAt(0)!))].sort((a, b) => a - b);
  const ranges: string[] = [];
  for (let i = 0; i < points.length; i++) {
    let j = i;
    while (j + 1 < points.length && points[j + 1] === points[j] + 1) j++;
    const hex = (point: number) => point.toString(16).toUpperCase();
    ranges.push(j === i ? `U+${hex(points[i])}` : `U+${hex(points[i])}-${hex(points[j])}`);
    i = j;
  }
  return ranges.join(',');
}

/**
 * A stylesheet whose `@font-face` rule naming the font file `first` is two rules: one for `first`, one for `rest`, each
 * with the `unicode-range` of its characters. A browser fetches a face's file only once it draws a character in its
 * range, so a page whose first frame draws from `first` alone does not wait for `rest`.
 */
export function splitFontFace(css: string, first: { name: string; range: string }, rest: { name: string; range: string }): string {
  return css.replace(/@font-face\s*\{[^}]*\}/g, (rule) => {
    if (!rule.includes(first.name) || /unicode-range/.test(rule)) return rule;
    const ranged = (name: string, range: string) => rule.replace(first.name, name).replace(/\{/, `{unicode-range:${range};`);
    return ranged(first.name, first.range) + ranged(rest.name, rest.range);
  });
}

/** Screens wider than a phone's, whose first screen holds a chapter's first section as well as its opening. */
const WIDE_SCREEN = '(min-width: 40rem)';

/** Options of {@link katexFontSubset}. */
export interface KatexFontSubsetOptions {
  /**
   * Characters to keep in a font file besides those the pages' math draws, by file (`{ 'Main-Bold': '0123456789' }`):
   * for text the site sets in a KaTeX font outside KaTeX's output, such as numbers a reader's input changes. Of a face
   * served as two files, they go in the second unless an opening draws them too.
   */
  keep?: Readonly<Record<string, string>>;
}

/**
 * Subsets KaTeX's WOFF2 fonts to the characters the built pages typeset. KaTeX ships ~20 families covering all of
 * TeX's symbols; a chapter's equations use a hundred-odd characters of them, and a page fetches every family its math
 * touches whole (Main, Math-Italic, Size1…: about 100 KB). Subset, the same families are a few KB each. The subsets
 * get new content-hashed names (a later build with new symbols gets new files, never a stale cached one), the
 * stylesheets that name them are rewritten, and a stylesheet file so changed is renamed by its new content too.
 * The WOFF and TrueType copies, which only browsers without WOFF2 would fetch, are dropped with their URLs.
 */
export function katexFontSubset({ keep = {} }: KatexFontSubsetOptions = {}): AstroIntegration {
  return {
    name: 'rnn-notebook:katex-font-subset',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const pages = htmlFiles(root);
        // The characters each face draws on any page, and those it draws in any chapter's opening (a phone's first frame).
        const characters = new Map<string, Set<string>>();
        const openingCharacters = new Map<string, Set<string>>();
        const collect = (into: Map<string, Set<string>>, html: string) => {
          for (const [file, found] of katexCharacters(html)) into.set(file, new Set([...(into.get(file) ?? []), ...found]));
        };
        for (const page of pages) {
          const html = readFileSync(page, 'utf8');
          collect(characters, html);
          collect(openingCharacters, opening(html));
        }

        const fonts = filesUnder(root, ['.woff2']).filter((file) => basename(file).startsWith('KaTeX_'));
        const fileOf = (font: string) => basename(font).replace(/^KaTeX_|\.[\w-]+\.woff2$/g, '');
        /**
         * The characters of `found` a font file must draw: its own face's, and those of a face the stylesheet has no
         * file for (KaTeX_Math upright), which is drawn from one of its family's files: each of them gets them.
         */
        const drawnBy = (file: string, found: ReadonlyMap<string, Set<string>>) => {
          const family = file.replace(/-.*$/, '');
          const text = new Set(found.get(file) ?? []);
          for (const [wanted, characters] of found) {
            const exists = fonts.some((other) => fileOf(other) === wanted);
            if (!exists && wanted.startsWith(`${family}-`)) for (const character of characters) text.add(character);
          }
          return text;
        };
        /** Each file written: the face it draws (`Main-Regular`), its name, and the characters it holds. */
        const written: { file: string; name: string; characters: Set<string> }[] = [];
        /** The faces served as two files, by the name the stylesheet gives the first after renaming. */
        const split: { first: { name: string; range: string }; rest: { name: string; range: string } }[] = [];
        const renamed = new Map<string, string>();
        let before = 0;
        let after = 0;
        for (const font of fonts) {
          const file = fileOf(font);
          const text = new Set([...drawnBy(file, characters), ...(keep[file] ?? '')]);
          const whole = readFileSync(font);
          // Without TrueType hinting (the glyphs' instructions for snapping outlines to a low-resolution pixel grid):
          // it was a third of Main-Regular's subset and two thirds of a small one such as AMS-Regular's, and the
          // browsers that still apply it at all do so only on low-resolution Windows screens.
          const write = async (characters: Set<string>, name: string) => {
            // A font no page draws from still gets a file (of its space glyph alone): the stylesheet names it.
            const subset = await subsetFont(whole, characters.size > 0 ? [...characters].join('') : ' ', { targetFormat: 'woff2', noHinting: true });
            const hashed = hashedName(name, subset);
            writeFileSync(join(dirname(font), hashed), subset);
            written.push({ file, name: hashed, characters });
            after += subset.length;
            return hashed;
          };
          // A face that the chapters' openings draw a few of its characters from, and the sections below the rest,
          // is two files: the openings' characters, which a phone's first frame waits for (the page preloads them),
          // and the others, fetched once a character of theirs is laid out. Main-Regular whole (7.5 KB) did not fit
          // in the phone's first round trip after the document beside the stylesheet and two other files.
          const first = new Set([...drawnBy(file, openingCharacters)].filter((character) => text.has(character)));
          const rest = new Set([...text].filter((character) => !first.has(character)));
          const name = await write(first.size > 0 && rest.size > 0 ? first : text, basename(font));
          if (first.size > 0 && rest.size > 0) {
            const restName = await write(rest, basename(font).replace(/^(KaTeX_[\w-]+?)\./, '$1-Rest.'));
            split.push({ first: { name, range: unicodeRange(first) }, rest: { name: restName, range: unicodeRange(rest) } });
          }
          rmSync(font);
          renamed.set(basename(font), name);
          before += whole.length;
        }

        // Stylesheets: inline in the pages, or files (renamed by their new content, and renamed where they are named).
        // Each names the WOFF2 files alone (the WOFF and TrueType files go), by their new names, and a face served as
        // two files by a rule for each.
        const fallbacks = filesUnder(root, ['.woff', '.ttf']).filter((file) => basename(file).startsWith('KaTeX_'));
        for (const file of fallbacks) rmSync(file);
        const fontsIn = (text: string) => split.reduce((next, face) => splitFontFace(next, face.first, face.rest), renamedIn(text, renamed));
        const sheets = rewrite(filesUnder(root, ['.css']), (css) => fontsIn(woff2Only(css)));
        rewrite(pages, fontsIn);
        const sheetNames = new Map(sheets.map((sheet) => [basename(sheet), hashedName(basename(sheet), readFileSync(sheet))]));
        for (const sheet of sheets) renameSync(sheet, join(dirname(sheet), sheetNames.get(basename(sheet))!));
        if (sheetNames.size > 0) rewrite(filesUnder(root, ['.html', '.js']), (text) => renamedIn(text, sheetNames));
        const texts = filesUnder(root, ['.html', '.css', '.js']).map((file) => readFileSync(file, 'utf8'));
        const stillNamed = fallbacks.map((file) => basename(file)).filter((name) => texts.some((text) => text.includes(name)));
        if (stillNamed.length > 0) throw new Error(`removed KaTeX font files are still named: ${stillNamed.join(', ')}`);

        // Each page preloads the files its first frame's math draws from (the chapter's opening). Found by the
        // stylesheet, they would be requested only once it had arrived and the text been laid out: a round trip
        // later, with that math (and the text around it) waiting for them. At low priority, so that they do not hold
        // up the stylesheet. The files only the first section adds are preloaded on a screen wider than a phone's,
        // where that section is on the first screen too; a phone fetches them as the section is laid out, after its
        // first frame. Every file preloaded shares the phone's first round trips with the stylesheet and the others:
        // a page that preloaded all of its first screen's faces (up to six files) drew its first frame later.
        const filesOf = (html: string) =>
          [...katexCharacters(html)].flatMap(([file, found]) =>
            written
              .filter((font) => font.file === file)
              .map((font) => ({ name: font.name, count: [...found].filter((character) => font.characters.has(character)).length }))
              .filter((font) => font.count > 0),
          )
            .sort((a, b) => b.count - a.count)
            .map((font) => font.name);
        for (const page of pages) {
          const html = readFileSync(page, 'utf8');
          const assets = assetBase(html);
          const first = filesOf(opening(html));
          const wide = filesOf(firstScreen(html)).filter((name) => !first.includes(name));
          if (assets === undefined || first.length + wide.length === 0) continue;
          const link = (name: string, media: string) =>
            `<link rel="preload"${media} href="${assets}_astro/${name}" as="font" type="font/woff2" crossorigin="anonymous" fetchpriority="low">`;
          const links = [...first.map((name) => link(name, '')), ...wide.map((name) => link(name, ` media="${WIDE_SCREEN}"`))].join('');
          writeFileSync(page, html.replace(/(<meta name="viewport"[^>]*>)/, `$1${links}`));
        }

        logger.info(
          `KaTeX fonts subset to the pages' math: ${fonts.length} faces in ${written.length} WOFF2 files, ` +
            `${(before / 1024).toFixed(0)} KB → ${(after / 1024).toFixed(0)} KB`,
        );
      },
    },
  };
}
