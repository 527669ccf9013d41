import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

/**
 * Moves an equation's anchor id from its `<pre>` (which KaTeX replaces) onto a wrapping
 * `<div class="equation">`, so the id survives rendering. Runs before rehype-katex.
 */
export default function rehypeEquationAnchors() {
  return (tree: Root) => {
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'pre' || index === undefined || !parent) return;
      const id = node.properties.id;
      if (typeof id !== 'string' || !id.startsWith('eq-')) return;
      const number = node.properties.dataEquation;
      delete node.properties.id;
      delete node.properties.dataEquation;
      const wrapper: Element = {
        type: 'element',
        tagName: 'div',
        properties: { id, className: ['equation'], dataEquation: number },
        children: [node],
      };
      parent.children.splice(index, 1, wrapper);
    });
  };
}
