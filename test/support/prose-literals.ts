/**
 * The numerals a chapter states in its prose and math, found in its MDX source. What is not prose is left out:
 * the frontmatter, the ESM blocks (imports and the `export const` values computed there), code, JSX tags with their
 * attributes (a cell's settings, a link's state), MDX expressions `{…}` (computed values), link targets, and the
 * Further reading section (citations). In math, `\label{…}`/`\eqref{…}`, subscripts and superscripts are left out,
 * and so is the base of a power of ten (the 10 of `10^{-6}`). Never reported: the integers 0, 1 and 2, years
 * (1950 to 2029, which the text cites), and chapter numbers ("chapter 5", "chapters 3 to 7").
 */
export interface Literal {
  /** 1-based line in the file. */
  line: number;
  /** The numeral as written, with thousands separators removed (`3{,}600` and `3,600` → `3600`). */
  value: string;
}

const SMALL = new Set(['0', '1', '2']);

/** Blanks out [from, to) of `text`, keeping newlines so that line numbers survive. */
function blank(text: string, from: number, to: number): string {
  return text.slice(0, from) + text.slice(from, to).replace(/[^\n]/g, ' ') + text.slice(to);
}

/** The end (exclusive) of a JSX tag or MDX expression starting at `start`, skipping strings and nested braces. */
function endOfJsx(text: string, start: number, open: string, close: string): number {
  let depth = 0;
  let quote = '';
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '{') depth++;
    else if (c === '}') {
      depth--;
      if (open === '{' && depth === 0) return i + 1;
    } else if (c === close && depth === 0 && open === '<') return i + 1;
  }
  return text.length;
}

/** Numerals in a stretch of TeX, after removing labels, references, subscripts and superscripts. */
function texNumerals(tex: string): string {
  let out = tex.replace(/\\(label|eqref|ref|tag)\{[^}]*\}/g, (m) => ' '.repeat(m.length));
  // 3{,}600 is TeX's thousands separator (only line numbers are kept, so characters may be dropped)
  out = out.replace(/(\d)\{,\}(?=\d{3})/g, '$1');
  // the base of a power of ten
  out = out.replace(/(?<![\d.])10(?=\s*\^)/g, '  ');
  // subscripts and superscripts: a braced group (one level of nesting) or one token
  out = out.replace(/[_^](\{(?:[^{}]|\{[^{}]*\})*\}|\\[A-Za-z]+|.)/g, (m) => m.replace(/[^\n]/g, ' '));
  return out;
}

/** Every numeral a chapter's prose and math state, in order. */
export function proseLiterals(source: string): Literal[] {
  let text = source;
  // frontmatter
  const front = /^---\n[\s\S]*?\n---\n/.exec(text);
  if (front) text = blank(text, 0, front[0].length);
  // the Further reading section and everything after it: citations
  const reading = /^## Further reading\b/m.exec(text);
  if (reading) text = blank(text, reading.index, text.length);
  // chapter numbers: "chapter 5", "Chapters 3 to 7", "chapters 4 and 7"
  text = text.replace(/\b[Cc]hapters?\s+\d+(?:(?:\s*,\s*|\s+and\s+|\s+to\s+|\s*–\s*)\d+)*/g, (m) => m.replace(/\d/g, ' '));
  // fenced code
  text = text.replace(/^```[\s\S]*?^```/gm, (m) => m.replace(/[^\n]/g, ' '));
  // ESM blocks: from an import/export line to the next blank line
  text = text.replace(/^(?:import|export)\b[\s\S]*?(?=\n[ \t]*\n|(?![\s\S]))/gm, (m) => m.replace(/[^\n]/g, ' '));

  // Walk the text: math spans are kept for the TeX pass; code, JSX tags and MDX expressions are blanked.
  let prose = '';
  let math = '';
  for (let i = 0; i < text.length; ) {
    const c = text[i];
    if (c === '`') {
      const end = text.indexOf('`', i + 1);
      const to = end < 0 ? text.length : end + 1;
      prose += text.slice(i, to).replace(/[^\n]/g, ' ');
      math += text.slice(i, to).replace(/[^\n]/g, ' ');
      i = to;
    } else if (c === '$') {
      const display = text.startsWith('$$', i);
      const mark = display ? '$$' : '$';
      const end = text.indexOf(mark, i + mark.length);
      const to = end < 0 ? text.length : end + mark.length;
      prose += text.slice(i, to).replace(/[^\n]/g, ' ');
      math += text.slice(i, to);
      i = to;
    } else if (c === '<' && /[A-Za-z/]/.test(text[i + 1] ?? '')) {
      const to = endOfJsx(text, i, '<', '>');
      const tag = text.slice(i, to);
      prose += tag.replace(/[^\n]/g, ' ');
      // a ComputedMath template is math the reader sees: its typed numbers count, its {{slots}} are computed
      const template = /^<ComputedMath\b[\s\S]*?\btex="([^"]*)"/.exec(tag);
      math += template ? `${template[1].replace(/\{\{\w+\}\}/g, ' ')}${tag.replace(/[^\n]/g, '')}` : tag.replace(/[^\n]/g, ' ');
      i = to;
    } else if (c === '{') {
      const to = endOfJsx(text, i, '{', '}');
      prose += text.slice(i, to).replace(/[^\n]/g, ' ');
      math += text.slice(i, to).replace(/[^\n]/g, ' ');
      i = to;
    } else if (c === ']' && text[i + 1] === '(') {
      const end = text.indexOf(')', i);
      const to = end < 0 ? text.length : end + 1;
      prose += ']' + text.slice(i + 1, to).replace(/[^\n]/g, ' ');
      math += ' ' + text.slice(i + 1, to).replace(/[^\n]/g, ' ');
      i = to;
    } else {
      prose += c;
      math += c === '\n' ? '\n' : ' ';
      i++;
    }
  }
  const found: Literal[] = [];
  const scan = (stretch: string) => {
    const numeral = /(?<![\w.])\d[\d,]*(?:\.\d+)?/g;
    for (const match of stretch.matchAll(numeral)) {
      const value = match[0].replace(/,+$/, '').replace(/,(?=\d{3}\b)/g, '');
      if (/^(19[5-9]\d|20[0-2]\d)$/.test(value)) continue;
      if (value.includes(',') || SMALL.has(value)) {
        // a list "3, 4" rather than a thousands separator: report each number
        for (const part of value.split(',')) if (part && !SMALL.has(part)) found.push({ line: lineOf(stretch, match.index!), value: part });
        continue;
      }
      found.push({ line: lineOf(stretch, match.index!), value });
    }
  };
  scan(prose);
  scan(texNumerals(math));
  return found.sort((a, b) => a.line - b.line);
}

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
