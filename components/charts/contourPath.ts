/*
 * contourPath: the SVG path data of a d3-contour MultiPolygon, written compactly. A filled contour map of a 121 × 121
 * grid has tens of thousands of vertices; d3's interpolated coordinates carry 15 or more digits each, which made the
 * training chapter's HTML several hundred kilobytes. Here every vertex is rounded to 1/steps of a grid unit, written
 * as a move relative to the previous one (a few characters), and runs of moves along one straight line (a band
 * following the grid's edge, or a level line crossing cells at a constant slope) are written as a single move.
 */

/** One vertex of a ring, in grid units. */
type Point = [number, number] | number[];

/** A number of 1/steps units, as SVG path data writes it: no leading zero (`.35`, `-.5`). */
function formatSteps(units: number, steps: number): string {
  const text = String(units / steps);
  if (units === 0 || units <= -steps || units >= steps) return text;
  return units < 0 ? `-${text.slice(2)}` : text.slice(1);
}

/** One relative move of (dx, dy) steps. */
function move(dx: number, dy: number, steps: number): string {
  if (dy === 0) return `h${formatSteps(dx, steps)}`;
  if (dx === 0) return `v${formatSteps(dy, steps)}`;
  return `l${formatSteps(dx, steps)}${dy < 0 ? '' : ','}${formatSteps(dy, steps)}`;
}

/** The path data of one closed ring: its vertices rounded to 1/steps, relative moves, collinear runs merged. */
function ringPath(ring: readonly Point[], steps: number): string {
  const x0 = Math.round(ring[0][0] * steps);
  const y0 = Math.round(ring[0][1] * steps);
  let path = `M${formatSteps(x0, steps)},${formatSteps(y0, steps)}`;
  // (x, y): the last vertex; (runX, runY): how far the run of moves along one line ending there has gone.
  let [x, y, runX, runY] = [x0, y0, 0, 0];
  for (let i = 1; i < ring.length; i++) {
    const nextX = Math.round(ring[i][0] * steps);
    const nextY = Math.round(ring[i][1] * steps);
    const dx = nextX - x;
    const dy = nextY - y;
    if (dx === 0 && dy === 0) continue;
    // The same direction (zero cross product, positive dot product): the run goes on along one line.
    if (runX * dy === runY * dx && runX * dx + runY * dy > 0) {
      runX += dx;
      runY += dy;
    } else {
      if (runX !== 0 || runY !== 0) path += move(runX, runY, steps);
      [runX, runY] = [dx, dy];
    }
    [x, y] = [nextX, nextY];
  }
  // d3 closes each ring by repeating its first vertex: a last run that ends there is the segment `Z` draws.
  if ((runX !== 0 || runY !== 0) && !(x === x0 && y === y0)) path += move(runX, runY, steps);
  return `${path}Z`;
}

/**
 * The SVG path data of a MultiPolygon (polygons of rings of [x, y] vertices, as d3-contour returns them), with every
 * vertex within 1/(2 steps) of its exact position (steps a positive integer).
 */
export function contourPath(polygons: readonly (readonly (readonly Point[])[])[], steps: number): string {
  if (!Number.isInteger(steps) || steps < 1) throw new RangeError(`steps must be a positive integer, got ${steps}`);
  return polygons.map((rings) => rings.filter((ring) => ring.length > 0).map((ring) => ringPath(ring, steps)).join('')).join('');
}
