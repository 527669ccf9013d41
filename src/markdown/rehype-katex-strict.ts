import type { Root } from 'hast';
import type { VFile } from 'vfile';
import rehypeKatex, { type Options } from 'rehype-katex';
import { visit } from 'unist-util-visit';

/**
 * rehype-katex that fails the build on a TeX error. rehype-katex only records errors as file messages
 * and renders them in red; a published page must never carry a broken equation.
 */
export default function rehypeKatexStrict(options: Options) {
  const render = rehypeKatex(options) as (tree: Root, file: VFile) => void;
  return (tree: Root, file: VFile) => {
    // The math <code> built by remark-math carries no position; lend it its <pre>'s so errors name a line.
    visit(tree, 'element', (node, _index, parent) => {
      if (node.tagName === 'code' && !node.position && parent?.type === 'element' && parent.position) {
        node.position = parent.position;
      }
    });
    const before = file.messages.length;
    render(tree, file);
    const errors = file.messages.slice(before).filter((message) => message.source === 'rehype-katex');
    if (errors.length > 0) {
      const lines = errors.map((error) => {
        const at = error.place && 'start' in error.place ? error.place.start : error.place;
        const where = at ? `${at.line}:${at.column}` : '?';
        const cause = error.cause instanceof Error ? error.cause.message : error.reason;
        return `${file.path}:${where}: TeX error: ${cause}`;
      });
      throw new Error(lines.join('\n'));
    }
  };
}
