import { Window } from 'happy-dom';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { ContourFillsDefs, ContourMap, fillsKey } from '@components/charts/ContourMap.tsx';
import { countingDataset, lossSurface } from '~/core';

const GRID = { wX: [-3, 3, 31], wRec: [-3, 3, 31] } as const;
const data = countingDataset({ seed: 1, count: 5, length: 4 });
const finalSurface = lossSurface(data, GRID, 'final');
const everyStepSurface = lossSurface(data, GRID, 'every-step');

/** The markup parsed into a document. */
function parse(html: string) {
  const document = new Window().document;
  document.body.innerHTML = html;
  return document;
}

/** The bands under an element: each path's colour and outline. */
const bandsIn = (root: { querySelectorAll(selector: string): ArrayLike<{ getAttribute(name: string): string | null }> }) =>
  Array.from(root.querySelectorAll('path'), (path) => `${path.getAttribute('fill')} ${path.getAttribute('d')}`);

describe('contour bands defined once for the page (ContourFillsDefs, sharedFills)', () => {
  it('a map given the key of the bands the page defines draws them with <use>, and they are the bands it draws itself', () => {
    const key = fillsKey(finalSurface);
    const page = parse(renderToString(<><ContourFillsDefs surface={finalSurface} /><ContourMap surface={finalSurface} description="Loss surface." sharedFills={key} /></>));
    const alone = parse(renderToString(<ContourMap surface={finalSurface} description="Loss surface." />));

    const defined = page.getElementById(`contour-fills-${key}`)!;
    expect(defined.closest('defs')).not.toBeNull();
    expect(bandsIn(defined).length).toBeGreaterThan(5);
    expect(bandsIn(defined)).toEqual(bandsIn(alone.querySelector('.contour-fills')!));

    const fills = page.querySelector('.contour-map .contour-fills')!;
    expect(bandsIn(fills)).toEqual([]);
    expect(fills.querySelector('use')!.getAttribute('href')).toBe(`#contour-fills-${key}`);
    // the definition is hidden from assistive technology, as the map's own drawing is
    expect(page.querySelector('.contour-fills-defs')!.getAttribute('aria-hidden')).toBe('true');
  });

  it('a map of another surface draws its own bands; one surface computed twice has one key', () => {
    const key = fillsKey(finalSurface);
    expect(fillsKey(everyStepSurface)).not.toBe(key);
    expect(fillsKey(lossSurface(data, GRID, 'final'))).toBe(key);
    const page = parse(renderToString(<ContourMap surface={everyStepSurface} description="Loss surface." sharedFills={key} />));
    const fills = page.querySelector('.contour-fills')!;
    expect(fills.querySelector('use')).toBeNull();
    expect(bandsIn(fills).length).toBeGreaterThan(5);
  });
});
