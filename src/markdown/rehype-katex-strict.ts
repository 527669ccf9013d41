import type { Root } from 'hast';
import type { VFile } from 'vfile';
import rehypeKatex, { type Options } from 'rehype-katex';

/**
 * rehype-katex that fails the build on a TeX error. rehype-katex only records errors as file messages
 * and renders them in red; a published page must never carry a broken equation.
 */
export default function rehypeKatexStrict(options: Options) {
  const render = rehypeKatex(options) as (tree: Root, file: VFile) => void;
  return (tree: Root, file: VFile) => {
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
