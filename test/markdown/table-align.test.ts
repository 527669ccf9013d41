import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import rehypeTableAlign from '~/markdown/rehype-table-align.ts';

/** The cells of a table after the plugin ran, as tag, classes and align. */
function cells(html: string): { tag: string; className: unknown; align: unknown }[] {
  const tree = fromHtml(html, { fragment: true });
  rehypeTableAlign()(tree);
  const found: { tag: string; className: unknown; align: unknown }[] = [];
  visit(tree, 'element', (node: Element) => {
    if (node.tagName === 'th' || node.tagName === 'td') found.push({ tag: node.tagName, className: node.properties.className, align: node.properties.align });
  });
  return found;
}

describe('rehypeTableAlign', () => {
  it('turns each aligned cell (what `| :-- | :-: | --: |` gives) into a class, keeping its other classes', () => {
    expect(cells('<table><tr><th align="left">k</th><th align="center" class="x">x</th><td align="right">0.5</td></tr></table>')).toEqual([
      { tag: 'th', className: ['align-left'], align: undefined },
      { tag: 'th', className: ['x', 'align-center'], align: undefined },
      { tag: 'td', className: ['align-right'], align: undefined },
    ]);
  });

  it('leaves a cell without a Markdown alignment alone', () => {
    expect(cells('<table><tr><td>1</td><td align="justify">2</td></tr></table>')).toEqual([
      { tag: 'td', className: undefined, align: undefined },
      { tag: 'td', className: undefined, align: 'justify' },
    ]);
  });
});
