import { countingDataset, type LossSurface } from '~/core';
import type { PageNotebook } from '~/notebook/page.ts';
import { ContourFillsDefs, fillsKey } from '../charts/ContourMap.tsx';
import { chartedLossSurface } from './useLossSurface.ts';

/*
 * SharedLossSurface: the contour bands of a page's default loss surface, defined once (not drawn) for the cells that
 * open on it. The training chapter's loss-surface cell and its trainer both show the counting data's surface; each
 * copy of its bands was about 8 KB of gzip in the page. Each cell given `sharedFills={sharedLossSurfaceKey(notebook)}`
 * draws the bands from here while its surface is this one, and its own once a reader changes the data, the objective
 * or λ. Server-rendered only. Props:
 * - notebook: the page's declared notebook (frontmatter.notebook): its defaults choose the surface.
 */

const surfaces = new WeakMap<PageNotebook, LossSurface>();

/** The loss surface the page's cells show at its defaults (seed, count, length, objective, λ), as `useLossSurface` computes it. */
export function defaultLossSurface(notebook: PageNotebook): LossSurface {
  let surface = surfaces.get(notebook);
  if (!surface) {
    const { seed, count, length, objective, lambda } = notebook.defaults;
    if (seed === undefined || count === undefined || length === undefined || objective === undefined || lambda === undefined) {
      throw new Error('SharedLossSurface: the page declares no default for one of seed, count, length, objective and lambda');
    }
    surface = chartedLossSurface(countingDataset({ seed, count, length }), objective, lambda);
    surfaces.set(notebook, surface);
  }
  return surface;
}

/** The key a cell passes to its contour map as `sharedFills`, so that it draws the bands {@link SharedLossSurface} defines. */
export function sharedLossSurfaceKey(notebook: PageNotebook): string {
  return fillsKey(defaultLossSurface(notebook));
}

export default function SharedLossSurface({ notebook }: { notebook: PageNotebook }) {
  return <ContourFillsDefs surface={defaultLossSurface(notebook)} />;
}
