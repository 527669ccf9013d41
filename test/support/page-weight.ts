import { gzipSync } from 'node:zlib';
import type { Element, Root } from 'hast';

/** The bytes a gzip-serving host sends for a file or text. */
export function gzipSize(data: string | Uint8Array): number {
  return gzipSync(data).length;
}

/** What Lighthouse's "excessive DOM size" audit counts: elements, the deepest nesting, the most children of one element. */
export interface DomSize {
  elements: number;
  depth: number;
  children: number;
  /** Elements inside KaTeX's output (its HTML and its MathML), the part of the count a page's equations make. */
  math: number;
}

/** The DOM size of a parsed page (a `<html>` element is depth 1). */
export function domSize(tree: Root): DomSize {
  const size: DomSize = { elements: 0, depth: 0, children: 0, math: 0 };
  const walk = (node: Element, depth: number, inMath: boolean) => {
    const math = inMath || (Array.isArray(node.properties.className) && node.properties.className.includes('katex'));
    const kids = node.children.filter((child): child is Element => child.type === 'element');
    size.elements++;
    if (math) size.math++;
    size.depth = Math.max(size.depth, depth);
    size.children = Math.max(size.children, kids.length);
    for (const kid of kids) walk(kid, depth + 1, math);
  };
  for (const child of tree.children) if (child.type === 'element') walk(child, 1, false);
  return size;
}
