import type { Root } from 'hast';
import { visit } from 'unist-util-visit';

/**
 * Turns a Markdown table column's alignment (`| ---: |`) into a class on its cells (`align-right`), which the site's
 * stylesheet aligns. MDX would otherwise write it as a `style` attribute on every cell, and the site's
 * Content-Security-Policy keeps style attributes for KaTeX and the highlighted source only.
 */
export default function rehypeTableAlign() {
  return (tree: Root) => {
    visit(tree, 'element', (node) => {
      if (node.tagName !== 'th' && node.tagName !== 'td') return;
      const { align } = node.properties;
      if (align !== 'left' && align !== 'center' && align !== 'right') return;
      delete node.properties.align;
      const classes = Array.isArray(node.properties.className) ? node.properties.className : [];
      node.properties.className = [...classes, `align-${align}`];
    });
  };
}
