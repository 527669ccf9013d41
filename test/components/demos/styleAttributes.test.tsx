import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { interpolateRdBu } from 'd3-scale-chromatic';
import { renderToString } from 'preact-render-to-string';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import HiddenStateStrip from '@components/demos/HiddenStateStrip.tsx';
import NextWord from '@components/demos/NextWord.tsx';
import { buildPageNotebook } from '~/site/page-notebook.ts';
import { nextWordInitial } from '@components/demos/nextWordAtBuild.ts';

const initial = nextWordInitial();

/** The elements of a server render, parsed. */
function elements(html: string): Element[] {
  const found: Element[] = [];
  visit(fromHtml(html, { fragment: true }), 'element', (node) => {
    found.push(node);
  });
  return found;
}

const classes = (node: Element) => (Array.isArray(node.properties.className) ? node.properties.className.map(String) : []);

// The site's Content-Security-Policy keeps style attributes for KaTeX and the highlighted source: a cell draws with
// classes and SVG attributes, so what the server renders looks the same before the island hydrates.
describe('the next-word cells as the server renders them, without style attributes', () => {
  it('NextWord draws each bar as an SVG rectangle whose width is the probability, in a track of width 1', () => {
    const nodes = elements(renderToString(<NextWord initial={initial} notebook={buildPageNotebook(['sentence'])} />));
    expect(nodes.filter((node) => node.properties.style !== undefined).map((node) => node.tagName)).toEqual([]);
    const tracks = nodes.filter((node) => node.tagName === 'svg' && classes(node).includes('next-word-track'));
    expect(tracks).toHaveLength(10);
    const probabilities = nodes.filter((node) => node.properties.dataQuantity === 'probability').map((node) => Number(node.properties.dataValue));
    tracks.forEach((track, i) => {
      expect(track.properties.viewBox).toBe('0 0 1 1');
      const bar = track.children.find((child): child is Element => child.type === 'element' && classes(child).includes('next-word-bar'));
      expect(bar?.tagName).toBe('rect');
      expect(Number(bar?.properties.width)).toBe(probabilities[i]);
    });
  });

  it("HiddenStateStrip's legend is an SVG gradient through the cells' colours, from −1 (left) to +1 (right)", () => {
    const nodes = elements(renderToString(<HiddenStateStrip initial={initial} notebook={buildPageNotebook(['sentence'])} />));
    expect(nodes.filter((node) => node.properties.style !== undefined).map((node) => node.tagName)).toEqual([]);
    const gradient = nodes.find((node) => node.tagName === 'lineargradient' || node.tagName === 'linearGradient');
    expect(gradient, 'a linear gradient').toBeDefined();
    const stops = gradient!.children.filter((child): child is Element => child.type === 'element' && child.tagName === 'stop');
    expect(stops.map((stop) => [Number(stop.properties.offset), stop.properties.stopColor])).toEqual(
      [0, 0.25, 0.5, 0.75, 1].map((t) => [t, interpolateRdBu(t)]),
    );
    const ramp = nodes.find((node) => classes(node).includes('hidden-state-ramp'));
    const fill = nodes.find((node) => node.tagName === 'rect' && node.properties.fill === `url(#${String(gradient!.properties.id)})`);
    expect(ramp?.tagName).toBe('svg');
    expect(fill, 'a rectangle filled with the gradient').toBeDefined();
  });
});
