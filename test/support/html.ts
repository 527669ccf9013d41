import { readFileSync } from 'node:fs';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';

/** A parsed built page. */
export interface ParsedPage {
  tree: Root;
  elements: Element[];
  ids: Set<string>;
}

/** Parses an HTML file and indexes its elements and ids. */
export function parsePage(path: string): ParsedPage {
  const tree = fromHtml(readFileSync(path, 'utf8'));
  const elements: Element[] = [];
  const ids = new Set<string>();
  visit(tree, 'element', (node) => {
    elements.push(node);
    const id = node.properties.id;
    if (typeof id === 'string') ids.add(id);
  });
  return { tree, elements, ids };
}

/** Whether an element has a class. */
export function hasClass(node: Element, name: string): boolean {
  const classes = node.properties.className;
  return Array.isArray(classes) && classes.includes(name);
}

/** A reference from a page to another resource, and whether the browser loads it (as opposed to a link followed). */
export interface Reference {
  url: string;
  loads: boolean;
  where: string;
}

/** Every URL a page refers to: links followed, and resources loaded (scripts, styles, icons, images, islands). */
export function references(page: ParsedPage): Reference[] {
  const found: Reference[] = [];
  for (const node of page.elements) {
    const p = node.properties;
    const add = (value: unknown, loads: boolean, what: string) => {
      if (typeof value === 'string' && value !== '') found.push({ url: value, loads, where: `<${node.tagName} ${what}>` });
    };
    switch (node.tagName) {
      case 'a':
        add(p.href, false, 'href');
        break;
      case 'link': {
        const rel = Array.isArray(p.rel) ? p.rel.join(' ') : String(p.rel ?? '');
        // rel=sitemap, canonical, alternate are pointers, not loads; stylesheets, icons and preloads load.
        add(p.href, /stylesheet|icon|preload|modulepreload|manifest/.test(rel), `href rel=${rel}`);
        break;
      }
      case 'script':
      case 'img':
      case 'iframe':
      case 'source':
      case 'video':
      case 'audio':
      case 'embed':
        add(p.src, true, 'src');
        break;
      case 'object':
        add(p.data, true, 'data');
        break;
      case 'form':
        add(p.action, false, 'action');
        break;
      case 'astro-island':
        add(p.componentUrl, true, 'component-url');
        add(p.rendererUrl, true, 'renderer-url');
        break;
      case 'use':
      case 'image':
        add(p.href ?? p.xLinkHref, true, 'href');
        break;
    }
    if (typeof p.srcSet === 'string' || Array.isArray(p.srcSet)) {
      for (const entry of String(p.srcSet).split(',')) add(entry.trim().split(/\s+/)[0], true, 'srcset');
    }
    if (typeof p.style === 'string') {
      for (const match of p.style.matchAll(/url\(\s*['"]?([^'")]+)/g)) add(match[1], true, 'style url()');
    }
  }
  return found;
}

/** The text inside an element. */
export function textOf(node: Element): string {
  let text = '';
  visit(node, 'text', (leaf) => {
    text += leaf.value;
  });
  return text;
}

/** The numbers a built page's prose states (`<Computed>`), by `data-computed` name: each one's full-precision value and text. */
export function computedNumbers(file: string): Map<string, { value: number; text: string }[]> {
  const found = new Map<string, { value: number; text: string }[]>();
  for (const node of parsePage(file).elements) {
    const name = node.properties.dataComputed;
    const value = node.properties.dataValue;
    if (typeof name !== 'string' || typeof value !== 'string') continue;
    found.set(name, [...(found.get(name) ?? []), { value: Number(value), text: textOf(node) }]);
  }
  return found;
}
