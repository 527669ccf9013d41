import type { ScaleLinear } from 'd3-scale';
import { useIncrementalPath } from '../charts/useIncrementalPath.ts';
import type { OptimizerRun } from '../demos/optimizerRun.ts';

/** A run's path on the surface, appended to as it grows, with a dot at its current weights. */
export function Trajectory({ run, x, y, color, dash }: {
  run: OptimizerRun;
  x: ScaleLinear<number, number>;
  y: ScaleLinear<number, number>;
  color: string;
  dash?: string;
}) {
  // Far-off points are pulled to just beyond the plot: the clip path hides them, and SVG stays well away from huge numbers.
  const px = (v: number, scale: ScaleLinear<number, number>) => Math.max(-2000, Math.min(2000, scale(v)));
  const last = run.iteration;
  const drawable = Number.isFinite(run.path[2 * last]) && Number.isFinite(run.path[2 * last + 1]) ? last + 1 : last;
  const d = useIncrementalPath(run.path, drawable, (i) => [px(run.path[2 * i], x), px(run.path[2 * i + 1], y)]);
  const end = drawable - 1;
  return (
    <g aria-hidden="true">
      <path class="trajectory-halo" d={d} />
      <path class="trajectory" d={d} stroke={color} stroke-dasharray={dash} />
      <circle class="trajectory-halo" r={4} cx={px(run.path[2 * end], x)} cy={px(run.path[2 * end + 1], y)} />
      <circle r={4} fill={color} cx={px(run.path[2 * end], x)} cy={px(run.path[2 * end + 1], y)} />
    </g>
  );
}
