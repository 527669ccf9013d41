import { useRef } from 'preact/hooks';
import { line } from 'd3-shape';

const segment = line<[number, number]>();

/**
 * An SVG path through points 0..count−1 (given by `point(i)` in pixels) that grows by appending only the points
 * added since the last render; it is rebuilt from scratch when `source` (the data's identity, the scales) changes.
 */
export function useIncrementalPath(source: unknown, count: number, point: (i: number) => [number, number]): string {
  const cache = useRef({ source: undefined as unknown, drawn: 0, d: '' });
  const c = cache.current;
  if (c.source !== source || count < c.drawn) {
    c.source = source;
    c.drawn = 0;
    c.d = '';
  }
  if (count > c.drawn) {
    const fresh: [number, number][] = [];
    for (let i = c.drawn; i < count; i++) fresh.push(point(i));
    const d = segment(fresh) ?? '';
    // the first point of a continuation is a line to it, not a move
    c.d += c.drawn === 0 ? d : `L${d.slice(1)}`;
    c.drawn = count;
  }
  return c.d;
}
