import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import subsetFont from 'subset-font';
import { katexCharacters, katexFontSubset, splitFontFace, unicodeRange, woff2Only } from '~/integrations/katex-font-subset.ts';
import { katexOptions } from '~/markdown/katex-options.ts';

const require = createRequire(import.meta.url);

/** The characters KaTeX draws from each font file for one equation, rendered as the site renders it. */
const charactersOf = (tex: string, displayMode = false) =>
  Object.fromEntries(
    [...katexCharacters(katex.renderToString(tex, { ...katexOptions, displayMode }))].map(([file, found]) => [file, [...found].sort().join('')]),
  );

/** WOFF2's tags for the tables it names by index (the WOFF2 specification, table 5.1), as far as KaTeX's fonts need. */
const KNOWN_TAGS = ['cmap', 'head', 'hhea', 'hmtx', 'maxp', 'name', 'OS/2', 'post', 'cvt ', 'fpgm', 'glyf', 'loca', 'prep', 'CFF ', 'VORG', 'EBDT', 'EBLC', 'gasp', 'hdmx', 'kern', 'LTSH', 'PCLT', 'VDMX', 'vhea', 'vmtx', 'BASE', 'GDEF', 'GPOS', 'GSUB'];

/** The tags of the tables a WOFF2 file holds, read from its table directory (after the 48-byte header). */
function woff2Tables(font: Uint8Array): string[] {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  let at = 48;
  const base128 = () => {
    let value = 0;
    for (let i = 0; i < 5; i++) {
      const byte = view.getUint8(at++);
      value = value * 128 + (byte & 0x7f);
      if ((byte & 0x80) === 0) return value;
    }
    throw new Error('bad UIntBase128');
  };
  const tags: string[] = [];
  for (let table = 0; table < view.getUint16(12); table++) {
    const flags = view.getUint8(at++);
    const index = flags & 0x3f;
    const version = flags >> 6;
    let tag: string;
    if (index === 63) {
      tag = String.fromCharCode(...font.subarray(at, at + 4));
      at += 4;
    } else {
      tag = KNOWN_TAGS[index] ?? `#${index}`;
    }
    base128();
    // glyf and loca are transformed at version 0, every other table at a version other than 0: a transformed table
    // gives its transformed length too
    const transformed = tag === 'glyf' || tag === 'loca' ? version === 0 : version !== 0;
    if (transformed) base128();
    tags.push(tag);
  }
  return tags;
}

describe('katexCharacters', () => {
  it.each([
    // letters are math italic; the upright subscript "rec", digits and operators are KaTeX_Main
    ['s_k = s_{k-1} \\wrec', false, { 'Math-Italic': 'ksw', 'Main-Regular': '1=cer' }],
    // bold upright (a matrix) and bold italic (a vector in \boldsymbol)
    ['\\mathbf{W} \\boldsymbol{h}', false, { 'Main-Bold': 'W', 'Math-BoldItalic': 'h' }],
    // blackboard bold is KaTeX_AMS; text in \text{} is KaTeX_Main, its spaces (no-break spaces) included
    ['\\mathbb{R} \\text{ a b}', false, { 'AMS-Regular': 'R', 'Main-Regular': '\u00a0ab' }],
    // a display sum is drawn from the large-operator font, tall parentheses from a delimiter size font
    ['\\sum_k \\left(\\frac{a}{b}\\right)', true, { 'Size2-Regular': '∑()', 'Math-Italic': 'abk' }],
  ])('%s: the characters of each font file', (tex, display, expected: Record<string, string>) => {
    const found = charactersOf(tex, display);
    for (const [file, characters] of Object.entries(expected)) {
      for (const character of characters) expect(found[file] ?? '', `${file} draws "${character}"`).toContain(character);
    }
    // each character is drawn from one file only (the face its element's classes give it)
    const all = Object.values(found).join('');
    expect(new Set(all).size).toBe(all.length);
  });

  it('finds nothing in the MathML and nothing on a page without math', () => {
    expect(katexCharacters('<p>x = 1</p>').size).toBe(0);
    const html = katex.renderToString('x', { ...katexOptions, output: 'mathml' });
    expect(katexCharacters(html).size).toBe(0);
  });
});

describe('woff2Only', () => {
  it('keeps the WOFF2 source of each KaTeX face, as KaTeX writes it and as the build minifies it, and nothing else', () => {
    const katexCss = readFileSync(require.resolve('katex/dist/katex.css'), 'utf8');
    const faces = katexCss.match(/@font-face\s*\{[^}]*\}/g)!;
    expect(faces.length).toBeGreaterThan(15);
    for (const face of faces) {
      const kept = woff2Only(face);
      expect(kept).toMatch(/src:\s*url\(fonts\/KaTeX_[\w-]+\.woff2\)\s*format\("woff2"\);/);
      expect(kept).not.toMatch(/\.woff\)|\.ttf\)|truetype/);
      expect(kept.replace(/\s*src:[^;]*;/, '')).toBe(face.replace(/\s*src:[^;]*;/, ''));
    }
    const minified = '@font-face{font-family:KaTeX_AMS;src:url(/_astro/KaTeX_AMS-Regular.4EOVv9KW.woff2)format("woff2"),url(/_astro/KaTeX_AMS-Regular.DMm9YOAa.woff)format("woff"),url(/_astro/KaTeX_AMS-Regular.DRggAlZN.ttf)format("truetype")}';
    expect(woff2Only(minified)).toBe('@font-face{font-family:KaTeX_AMS;src:url(/_astro/KaTeX_AMS-Regular.4EOVv9KW.woff2)format("woff2")}');
    // another font's fallbacks are not KaTeX's to drop
    const other = '@font-face{font-family:X;src:url(x.woff2)format("woff2"),url(x.woff)format("woff")}';
    expect(woff2Only(other)).toBe(other);
  });
});

describe('unicodeRange', () => {
  it('covers exactly the characters given, consecutive code points as one range, in order, each once', () => {
    expect(unicodeRange('x=21')).toBe('U+31-32,U+3D,U+78');
    expect(unicodeRange('cabba')).toBe('U+61-63');
    // beyond the Basic Multilingual Plane: one code point, not two surrogates
    expect(unicodeRange(['𝑥', '−'])).toBe('U+2212,U+1D465');
    expect(unicodeRange([])).toBe('');
  });
});

describe('splitFontFace', () => {
  const first = { name: 'KaTeX_Main-Regular.aaa.woff2', range: 'U+31,U+3D' };
  const rest = { name: 'KaTeX_Main-Regular-Rest.bbb.woff2', range: 'U+32' };
  it('makes the rule naming the first file two, each with its file and its range, as the build minifies it and as KaTeX writes it', () => {
    const main = '@font-face{font-display:block;font-family:KaTeX_Main;font-style:normal;font-weight:400;src:url(/_astro/KaTeX_Main-Regular.aaa.woff2)format("woff2")}';
    const bold = '@font-face{font-family:KaTeX_Main;font-weight:700;src:url(/_astro/KaTeX_Main-Bold.ccc.woff2)format("woff2")}';
    expect(splitFontFace(`.katex{color:red}${main}${bold}`, first, rest)).toBe(
      '.katex{color:red}' +
        '@font-face{unicode-range:U+31,U+3D;font-display:block;font-family:KaTeX_Main;font-style:normal;font-weight:400;src:url(/_astro/KaTeX_Main-Regular.aaa.woff2)format("woff2")}' +
        '@font-face{unicode-range:U+32;font-display:block;font-family:KaTeX_Main;font-style:normal;font-weight:400;src:url(/_astro/KaTeX_Main-Regular-Rest.bbb.woff2)format("woff2")}' +
        bold,
    );
    const spaced = '@font-face {\n  font-family: KaTeX_Main;\n  src: url(fonts/KaTeX_Main-Regular.aaa.woff2) format("woff2");\n}';
    const twice = splitFontFace(spaced, first, rest);
    expect(twice.match(/@font-face/g)).toHaveLength(2);
    expect(twice).toContain('{unicode-range:U+32;\n  font-family: KaTeX_Main;\n  src: url(fonts/KaTeX_Main-Regular-Rest.bbb.woff2)');
    // a rule that has a range already is left alone: splitting twice changes nothing more
    expect(splitFontFace(twice, first, rest)).toBe(twice);
  });
});

describe('katexFontSubset', () => {
  it('subsets each KaTeX WOFF2 of a build, renames it and the stylesheet naming it, and updates every page', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'katex-font-subset-'));
    const whole = readFileSync(require.resolve('katex/dist/fonts/KaTeX_Math-Italic.woff2'));
    mkdirSync(join(dir, '_astro'));
    writeFileSync(join(dir, '_astro', 'KaTeX_Math-Italic.abc123.woff2'), whole);
    // KaTeX's stylesheet names a WOFF and a TrueType file after each WOFF2
    writeFileSync(join(dir, '_astro', 'KaTeX_Math-Italic.ghi789.woff'), readFileSync(require.resolve('katex/dist/fonts/KaTeX_Math-Italic.woff')));
    writeFileSync(join(dir, '_astro', 'KaTeX_Math-Italic.jkl012.ttf'), readFileSync(require.resolve('katex/dist/fonts/KaTeX_Math-Italic.ttf')));
    const css =
      '@font-face{font-family:KaTeX_Math;src:url(/rnn/_astro/KaTeX_Math-Italic.abc123.woff2)format("woff2"),' +
      'url(/rnn/_astro/KaTeX_Math-Italic.ghi789.woff)format("woff"),url(/rnn/_astro/KaTeX_Math-Italic.jkl012.ttf)format("truetype")}';
    writeFileSync(join(dir, '_astro', 'Base.def456.css'), css);
    const page = `<link rel="stylesheet" href="/rnn/_astro/Base.def456.css">${katex.renderToString('x + y', katexOptions)}`;
    writeFileSync(join(dir, 'index.html'), page);
    const hook = katexFontSubset().hooks['astro:build:done'] as unknown as (options: object) => Promise<void>;
    await hook({ dir: pathToFileURL(`${dir}/`), logger: { info: () => {} } });

    const files = readdirSync(join(dir, '_astro'));
    const font = files.find((name) => name.startsWith('KaTeX_Math-Italic.'))!;
    const sheet = files.find((name) => name.endsWith('.css'))!;
    // new names for both, the old ones gone, and the WOFF and TrueType copies with them
    expect(files).toHaveLength(2);
    expect(font).not.toBe('KaTeX_Math-Italic.abc123.woff2');
    expect(sheet).not.toBe('Base.def456.css');
    // a subset: much smaller than the whole font, and still a WOFF2 ("wOF2")
    const subset = readFileSync(join(dir, '_astro', font));
    expect(subset.subarray(0, 4).toString('latin1')).toBe('wOF2');
    expect(subset.length).toBeLessThan(whole.length / 2);
    // without the hinting programs KaTeX's font has (fpgm, prep, cvt), and with the tables that draw the glyphs
    expect(woff2Tables(whole)).toEqual(expect.arrayContaining(['fpgm', 'prep', 'cvt ', 'glyf', 'cmap']));
    expect(woff2Tables(subset)).toEqual(expect.arrayContaining(['glyf', 'loca', 'cmap', 'hmtx']));
    expect(woff2Tables(subset).filter((tag) => ['fpgm', 'prep', 'cvt '].includes(tag))).toEqual([]);
    // the stylesheet names the subset alone, under the base; the page names the renamed stylesheet
    expect(readFileSync(join(dir, '_astro', sheet), 'utf8')).toBe(`@font-face{font-family:KaTeX_Math;src:url(/rnn/_astro/${font})format("woff2")}`);
    expect(readFileSync(join(dir, 'index.html'), 'utf8')).toContain(`href="/rnn/_astro/${sheet}"`);
    rmSync(dir, { recursive: true });
  });

  it('makes each page preload, at low priority and under the base, the subset files its first screen draws from, those of the first section on a wide screen only', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'katex-font-preload-'));
    mkdirSync(join(dir, '_astro'));
    for (const file of ['KaTeX_Math-Italic', 'KaTeX_Main-Regular', 'KaTeX_Main-Bold', 'KaTeX_AMS-Regular']) {
      writeFileSync(join(dir, '_astro', `${file}.abc123.woff2`), readFileSync(require.resolve(`katex/dist/fonts/${file}.woff2`)));
    }
    const head = '<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="stylesheet" href="/rnn/_astro/Base.def456.css">';
    writeFileSync(join(dir, '_astro', 'Base.def456.css'), '.katex{font:1em KaTeX_Main}');
    const tex = (source: string) => katex.renderToString(source, katexOptions);
    // the opening and the first section (x = 1, then a bold W) are the first screen; the second section (ℝ) is not
    const chapter = `<article class="prose"><p>${tex('x = 1')}</p><h2>One</h2><p>${tex('\\mathbf{W}')}</p><h2>Two</h2><p>${tex('\\mathbb{R}')}</p></article>`;
    writeFileSync(join(dir, 'math.html'), `<head>${head}</head><body>${chapter}</body>`);
    writeFileSync(join(dir, 'plain.html'), `<head>${head}</head><body><p>No math.</p></body>`);
    const hook = katexFontSubset().hooks['astro:build:done'] as unknown as (options: object) => Promise<void>;
    await hook({ dir: pathToFileURL(`${dir}/`), logger: { info: () => {} } });

    const files = readdirSync(join(dir, '_astro')).filter((f) => f.endsWith('.woff2'));
    const math = readFileSync(join(dir, 'math.html'), 'utf8');
    const preloads = (media: string) =>
      [...math.matchAll(new RegExp(`<link rel="preload"${media} href="([^"]+)" as="font" type="font/woff2" crossorigin="anonymous" fetchpriority="low">`, 'g'))].map((m) => m[1]);
    // x from Math-Italic, = and 1 from Main-Regular in the opening; W from Main-Bold in the first section, on a wide
    // screen: by their new names, right after the viewport tag
    const named = (prefix: string) => `/rnn/_astro/${files.find((f) => f.startsWith(prefix))}`;
    expect(preloads('').sort()).toEqual([named('KaTeX_Main-Regular.'), named('KaTeX_Math-Italic.')].sort());
    expect(preloads(` media="\\(min-width: 40rem\\)"`)).toEqual([named('KaTeX_Main-Bold.')]);
    expect(math.match(/rel="preload"/g)).toHaveLength(3);
    expect(math).not.toContain(named('KaTeX_AMS-Regular.'));
    expect(math.indexOf('rel="preload"')).toBeLessThan(math.indexOf('rel="stylesheet"'));
    expect(readFileSync(join(dir, 'plain.html'), 'utf8')).not.toContain('rel="preload"');
    rmSync(dir, { recursive: true });
  });

  it('serves a face the openings draw from in part as two files, the openings\' characters and the rest, each with its unicode-range; a phone preloads the first', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'katex-font-split-'));
    mkdirSync(join(dir, '_astro'));
    for (const file of ['KaTeX_Math-Italic', 'KaTeX_Main-Regular', 'KaTeX_Main-Bold']) {
      writeFileSync(join(dir, '_astro', `${file}.abc123.woff2`), readFileSync(require.resolve(`katex/dist/fonts/${file}.woff2`)));
    }
    const css =
      '@font-face{font-family:KaTeX_Math;font-style:italic;src:url(/_astro/KaTeX_Math-Italic.abc123.woff2)format("woff2")}' +
      '@font-face{font-family:KaTeX_Main;src:url(/_astro/KaTeX_Main-Regular.abc123.woff2)format("woff2")}' +
      '@font-face{font-family:KaTeX_Main;font-weight:700;src:url(/_astro/KaTeX_Main-Bold.abc123.woff2)format("woff2")}';
    writeFileSync(join(dir, '_astro', 'Base.def456.css'), css);
    const head = '<meta name="viewport" content="width=device-width"><link rel="stylesheet" href="/_astro/Base.def456.css">';
    const tex = (source: string) => katex.renderToString(source, katexOptions);
    // the opening draws x (Math-Italic), = and 1 (Main-Regular); the first section y, + and 2 besides, and a bold W
    const chapter = `<article class="prose"><p>${tex('x = 1')}</p><h2>One</h2><p>${tex('y + 2 = 1 \\mathbf{W}')}</p></article>`;
    writeFileSync(join(dir, 'index.html'), `<head>${head}</head><body>${chapter}</body>`);
    const hook = katexFontSubset().hooks['astro:build:done'] as unknown as (options: object) => Promise<void>;
    await hook({ dir: pathToFileURL(`${dir}/`), logger: { info: () => {} } });

    const files = readdirSync(join(dir, '_astro'));
    const named = (prefix: string) => files.filter((f) => f.startsWith(prefix));
    expect(named('KaTeX_Math-Italic.')).toHaveLength(1);
    expect(named('KaTeX_Math-Italic-Rest.')).toHaveLength(1);
    expect(named('KaTeX_Main-Regular.')).toHaveLength(1);
    expect(named('KaTeX_Main-Regular-Rest.')).toHaveLength(1);
    // a face no opening draws from stays one file
    expect(named('KaTeX_Main-Bold')).toHaveLength(1);
    // each file is the subset of its characters, as subset-font makes it
    const subsetOf = async (file: string, characters: string) =>
      Buffer.from(await subsetFont(readFileSync(require.resolve(`katex/dist/fonts/${file}.woff2`)), characters, { targetFormat: 'woff2', noHinting: true }));
    const read = (name: string) => readFileSync(join(dir, '_astro', name));
    expect(read(named('KaTeX_Math-Italic.')[0]).equals(await subsetOf('KaTeX_Math-Italic', 'x'))).toBe(true);
    expect(read(named('KaTeX_Math-Italic-Rest.')[0]).equals(await subsetOf('KaTeX_Math-Italic', 'y'))).toBe(true);
    expect(read(named('KaTeX_Main-Regular.')[0]).equals(await subsetOf('KaTeX_Main-Regular', '=1'))).toBe(true);
    expect(read(named('KaTeX_Main-Regular-Rest.')[0]).equals(await subsetOf('KaTeX_Main-Regular', '+2'))).toBe(true);
    // the stylesheet: two rules for each face split, with the ranges of their characters, and the bold face's as it was
    const sheet = readFileSync(join(dir, '_astro', files.find((f) => f.endsWith('.css'))!), 'utf8');
    const rules = sheet.match(/@font-face\{[^}]*\}/g)!;
    expect(rules).toHaveLength(5);
    const ruleOf = (name: string) => rules.find((rule) => rule.includes(`/_astro/${name})`))!;
    expect(ruleOf(named('KaTeX_Math-Italic.')[0])).toMatch(/^@font-face\{unicode-range:U\+78;font-family:KaTeX_Math;font-style:italic;/);
    expect(ruleOf(named('KaTeX_Math-Italic-Rest.')[0])).toMatch(/^@font-face\{unicode-range:U\+79;font-family:KaTeX_Math;font-style:italic;/);
    expect(ruleOf(named('KaTeX_Main-Regular.')[0])).toMatch(/^@font-face\{unicode-range:U\+31,U\+3D;font-family:KaTeX_Main;src/);
    expect(ruleOf(named('KaTeX_Main-Regular-Rest.')[0])).toMatch(/^@font-face\{unicode-range:U\+2B,U\+32;font-family:KaTeX_Main;src/);
    expect(ruleOf(named('KaTeX_Main-Bold')[0])).toBe(`@font-face{font-family:KaTeX_Main;font-weight:700;src:url(/_astro/${named('KaTeX_Main-Bold')[0]})format("woff2")}`);
    // a phone preloads the openings' files; a wide screen the rest and the bold face too
    const page = readFileSync(join(dir, 'index.html'), 'utf8');
    const preloads = [...page.matchAll(/<link rel="preload"( media="[^"]*")? href="\/_astro\/([^"]+)"/g)].map((m) => `${m[1] ? 'wide ' : ''}${m[2]}`);
    expect(preloads.sort()).toEqual(
      [named('KaTeX_Math-Italic.')[0], named('KaTeX_Main-Regular.')[0], ...['KaTeX_Math-Italic-Rest.', 'KaTeX_Main-Regular-Rest.', 'KaTeX_Main-Bold'].map((p) => `wide ${named(p)[0]}`)].sort(),
    );
    rmSync(dir, { recursive: true });
  });

  it('keeps, in the file named, the characters it is asked to keep besides those the math draws', async () => {
    const run = async (keep?: Record<string, string>) => {
      const dir = mkdtempSync(join(tmpdir(), 'katex-font-keep-'));
      mkdirSync(join(dir, '_astro'));
      for (const file of ['KaTeX_Math-Italic', 'KaTeX_Main-Regular']) {
        writeFileSync(join(dir, '_astro', `${file}.abc123.woff2`), readFileSync(require.resolve(`katex/dist/fonts/${file}.woff2`)));
      }
      writeFileSync(join(dir, 'index.html'), `<link rel="stylesheet" href="/_astro/x.css">${katex.renderToString('x = 1', katexOptions)}`);
      const hook = katexFontSubset({ keep }).hooks['astro:build:done'] as unknown as (options: object) => Promise<void>;
      await hook({ dir: pathToFileURL(`${dir}/`), logger: { info: () => {} } });
      // a face's files: the characters the page opens with, and the rest (the characters kept among them)
      const size = (face: string) =>
        readdirSync(join(dir, '_astro'))
          .filter((f) => f.startsWith(`${face}.`) || f.startsWith(`${face}-Rest.`))
          .reduce((total, f) => total + readFileSync(join(dir, '_astro', f)).length, 0);
      const sizes = { main: size('KaTeX_Main-Regular'), math: size('KaTeX_Math-Italic') };
      rmSync(dir, { recursive: true });
      return sizes;
    };
    const plain = await run();
    const kept = await run({ 'Main-Regular': 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz' });
    // fifty-two more glyphs in Main-Regular, none in Math-Italic
    expect(kept.main).toBeGreaterThan(plain.main + 2000);
    expect(kept.math).toBe(plain.math);
  });
});
