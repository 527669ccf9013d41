import type { Root, Link } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { chapterSlug, CHAPTER_FILE } from './chapter-files.ts';
import { equationId, indexEquations } from './equation-index.ts';

interface Options {
  /** The folder of chapter files, scanned once per build to number the equations. */
  chaptersDir: string;
  /** The site's base path, e.g. `/` or `/rnn/`. */
  base: string;
}

const LABEL = /\\label\{([^}]*)\}/;
const EQREF = /^\s*\\eqref\{([^}]*)\}\s*$/;

/**
 * Numbers labelled display equations and turns references into links.
 *
 * `$$ ... \label{forward} $$` becomes `\tag{N}` (KaTeX draws the number) with an anchor id `eq-forward`;
 * inline `$\eqref{forward}$` becomes a link "(N)" to that anchor, on this page or on another chapter.
 */
export default function remarkEquations({ chaptersDir, base }: Options) {
  return (tree: Root, file: VFile) => {
    const path = file.path ?? '';
    const inChapter = CHAPTER_FILE.test(path.split('/').pop() ?? '');
    // Re-read on every file: the dev server edits chapters while it runs, and the scan is a few files.
    const index = indexEquations(chaptersDir);
    const here = inChapter ? chapterSlug(path) : undefined;
    const fail = (message: string, line?: number): never => {
      throw new Error(`${path}:${line ?? '?'}: ${message}`);
    };

    visit(tree, 'math', (node) => {
      const match = LABEL.exec(node.value);
      if (!match) return;
      const entry = index.get(match[1]);
      if (!entry) return fail(`equation label "${match[1]}" is not in the chapter index`, node.position?.start.line);
      node.value = node.value.replace(LABEL, `\\tag{${entry.number}}`);
      // remark-math caches the TeX as the hast children at parse time: rebuild them from the new value.
      node.data = {
        ...node.data,
        hName: 'pre',
        hProperties: { id: equationId(entry.label), dataEquation: String(entry.number) },
        hChildren: [
          {
            type: 'element',
            tagName: 'code',
            properties: { className: ['language-math', 'math-display'] },
            children: [{ type: 'text', value: node.value }],
          },
        ],
      };
    });

    visit(tree, 'inlineMath', (node, position, parent) => {
      const match = EQREF.exec(node.value);
      if (!match || !parent || position === undefined) return;
      const entry = index.get(match[1]);
      if (!entry) return fail(`\\eqref{${match[1]}} names no labelled equation`, node.position?.start.line);
      const page = entry.slug === here ? '' : `${base}${entry.slug}/`;
      const link: Link = {
        type: 'link',
        url: `${page}#${equationId(entry.label)}`,
        children: [{ type: 'text', value: `(${entry.number})` }],
        data: { hProperties: { className: ['eqref'], ariaLabel: `equation ${entry.number}` } },
      };
      parent.children.splice(position, 1, link);
    });
  };
}
