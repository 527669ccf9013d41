import { useRef } from 'preact/hooks';
import { line } from 'd3-shape';

const segment = line<[number, number]>();

/**
 * An SVG path through points 0..count−1 (given by `point(i)` in pixels) that grows by appending only the points
 * added since the last render; it is rebuilt from scratch when `source` (the data's identity, the scales) changes.
 * A point that is null or not finite is left out and breaks the line: the next point starts a new piece.
 */
export function useIncrementalPath(source: unknown, count: number, point: (i: number) => [number, number] | null): string {
  const cache = useRef({ source: undefined as unknown, drawn: 0, d: '', gap: false });
  const c = cache.current;
  if (c.source !== source || count < c.drawn) {
    c.source = source;
    c.drawn = 0;
    c.d = '';
    c.gap = false;
  }
  if (count > c.drawn) {
    let run: [number, number][] = [];
    const flush = () => {
      if (run.length === 0) return;
      const d = segment(run) ?? '';
      // the first point of a continuation is a line to it, not a move; after a gap it is a move
      c.d += c.d === '' || c.gap ? d : `L${d.slice(1)}`;
      c.gap = false;
      run = [];
    };
    for (let i = c.drawn; i < count; i++) {
      const p = point(i);
      if (p && Number.isFinite(p[0]) && Number.isFinite(p[1])) run.push(p);
      else {
        flush();
        c.gap = true;
      }
    }
    flush();
    c.drawn = count;
  }
  return c.d;
}
