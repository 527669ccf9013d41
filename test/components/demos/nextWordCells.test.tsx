import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import DictionaryDemo from '@components/demos/DictionaryDemo.tsx';
import HiddenStateStrip from '@components/demos/HiddenStateStrip.tsx';
import NextWord from '@components/demos/NextWord.tsx';
import { nextWordInitial } from '@components/demos/nextWordAtBuild.ts';

const initial = nextWordInitial();

/** How many times `needle` occurs in `html`. */
const count = (html: string, needle: string) => html.split(needle).length - 1;

describe('the next-word cells as the server renders them (no notebook: they read no keys)', () => {
  it('NextWord shows the build-time top 10 in its frame', () => {
    const html = renderToString(<NextWord initial={initial} />);
    expect(html).toContain('data-demo="next-word"');
    expect(count(html, 'data-quantity="probability"')).toBe(10);
    expect(html).toContain('data-weights="build"');
  });

  it('HiddenStateStrip shows every unit of every state s_0..s_n in its frame', () => {
    const html = renderToString(<HiddenStateStrip initial={initial} />);
    expect(html).toContain('data-demo="hidden-state"');
    expect(count(html, 'data-quantity="s"')).toBe(initial.states.length * initial.H);
  });

  it('DictionaryDemo shows the indices of "I like French" in its frame', () => {
    const html = renderToString(<DictionaryDemo />);
    expect(html).toContain('data-demo="dictionary"');
    expect(html).toContain('which index comes next?');
  });

  it('each cell declares a frame and no notebook keys, so a chapter gives it no notebook', () => {
    for (const cell of [NextWord, HiddenStateStrip, DictionaryDemo]) expect(cell.cell).not.toHaveProperty('params');
  });
});
