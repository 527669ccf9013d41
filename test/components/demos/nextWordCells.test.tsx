import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import DictionaryDemo from '@components/demos/DictionaryDemo.tsx';
import HiddenStateStrip from '@components/demos/HiddenStateStrip.tsx';
import NextWord from '@components/demos/NextWord.tsx';
import { nextWordInitial } from '@components/demos/nextWordAtBuild.ts';
import { buildPageNotebook } from '~/site/page-notebook.ts';

const initial = nextWordInitial();
/** The next-word page's notebook: the sentence its cells share. */
const notebook = buildPageNotebook(['sentence']);

/** How many times `needle` occurs in `html`. */
const count = (html: string, needle: string) => html.split(needle).length - 1;

describe('the next-word cells as the server renders them', () => {
  it('NextWord shows the build-time top 10 in its frame', () => {
    const html = renderToString(<NextWord initial={initial} notebook={notebook} />);
    expect(html).toContain('data-demo="next-word"');
    expect(count(html, 'data-quantity="probability"')).toBe(10);
    expect(html).toContain('data-weights="build"');
  });

  it('HiddenStateStrip shows every unit of every state s_0..s_n in its frame', () => {
    const html = renderToString(<HiddenStateStrip initial={initial} notebook={notebook} />);
    expect(html).toContain('data-demo="hidden-state"');
    expect(count(html, 'data-quantity="s"')).toBe(initial.states.length * initial.H);
  });

  it('DictionaryDemo shows the indices of "I like French" in its frame', () => {
    const html = renderToString(<DictionaryDemo />);
    expect(html).toContain('data-demo="dictionary"');
    expect(html).toContain('which index comes next?');
  });

  it('the predictor and the hidden-state view read the page\'s shared sentence; the dictionary cell reads no keys', () => {
    for (const cell of [NextWord, HiddenStateStrip]) expect(cell.cell.params).toEqual(['sentence']);
    expect(DictionaryDemo.cell).not.toHaveProperty('params');
  });
});
