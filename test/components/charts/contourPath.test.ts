import fc from 'fast-check';
import { contours } from 'd3-contour';
import { describe, expect, it } from 'vitest';
import { contourPath } from '@components/charts/contourPath.ts';

/** The rings an SVG path of M, h, v, l and Z commands draws, as absolute vertices (read independently of the writer). */
function readPath(d: string): [number, number][][] {
  const rings: [number, number][][] = [];
  let ring: [number, number][] = [];
  for (const [, command, args] of d.matchAll(/([MhvlZ])([^MhvlZ]*)/g)) {
    const numbers = (args.match(/-?(?:\d+\.?\d*|\.\d+)/g) ?? []).map(Number);
    const [x, y] = ring[ring.length - 1] ?? [0, 0];
    if (command === 'M') ring = [[numbers[0], numbers[1]]];
    else if (command === 'h') ring.push([x + numbers[0], y]);
    else if (command === 'v') ring.push([x, y + numbers[0]]);
    else if (command === 'l') ring.push([x + numbers[0], y + numbers[1]]);
    else rings.push(ring);
  }
  return rings;
}

/** The distance from a point to the segment from a to b. */
function distanceToSegment([px, py]: number[], [ax, ay]: number[], [bx, by]: number[]): number {
  const [dx, dy] = [bx - ax, by - ay];
  const t = dx === 0 && dy === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** The largest distance from any vertex of `exact` to the closed polyline `drawn`. */
function farthest(exact: number[][], drawn: number[][]): number {
  const closed = [...drawn, drawn[0]];
  let worst = 0;
  for (const point of exact) {
    let nearest = Infinity;
    for (let i = 1; i < closed.length; i++) nearest = Math.min(nearest, distanceToSegment(point, closed[i - 1], closed[i]));
    worst = Math.max(worst, nearest);
  }
  return worst;
}

describe('contourPath', () => {
  it.each([
    // a unit square: three sides as moves, the fourth (back to the start) left to Z
    [[[[[0, 0], [0, 1], [1, 1], [1, 0], [0, 0]]]], 1, 'M0,0v1h1v-1Z'],
    // collinear vertices along an edge are one move; the coordinates are rounded to 1/20
    [[[[[0, 0], [0.5, 0], [1, 0], [1, 0.333], [0, 0]]]], 20, 'M0,0h1v.35Z'],
    // a hole: two rings in one polygon, each closed
    [[[[[0, 0], [3, 0], [3, 3], [0, 0]], [[1, 1], [2, 1], [1, 1]]]], 1, 'M0,0h3v3ZM1,1h1Z'],
  ])('contourPath(%j, %d) is %s', (polygons, steps, expected) => {
    expect(contourPath(polygons, steps)).toBe(expected);
  });

  it.each([0, -1, 2.5, NaN])('throws a RangeError naming steps = %d', (steps) => {
    expect(() => contourPath([], steps)).toThrow(/steps/);
  });

  it("draws every vertex of d3-contour's bands within half a step of where d3 puts it (property)", () => {
    const steps = 20;
    fc.assert(
      fc.property(fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 64, maxLength: 64 }), (values) => {
        for (const band of contours().size([8, 8]).thresholds(5)(values)) {
          const drawn = readPath(contourPath(band.coordinates, steps));
          const exact = band.coordinates.flat();
          expect(drawn).toHaveLength(exact.length);
          // Rounding moves a vertex by at most √2 / (2 steps) grid units; merged runs keep every vertex on them.
          exact.forEach((ring, i) => expect(farthest(ring, drawn[i])).toBeLessThanOrEqual(Math.SQRT2 / (2 * steps) + 1e-9));
        }
      }),
      { numRuns: 200 },
    );
  });
});
