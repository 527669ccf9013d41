import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ScaleLinear } from 'd3-scale';
import type { Dataset, Objective, OptimizerConfig, TrainOptions, Weights } from '~/core';
import { formatNumber } from '~/notebook/format.ts';
import { notebookSchema, type DeclaredDefaults } from '~/notebook/schema.ts';
import { usePageNotebook } from '~/notebook/use-page-notebook.ts';
import { DemoFrame } from '../DemoFrame.tsx';
import { ContourMap } from '../charts/ContourMap.tsx';
import { LossCurve } from '../charts/LossCurve.tsx';
import { useIncrementalPath } from '../charts/useIncrementalPath.ts';
import { NumberField } from '../controls/NumberField.tsx';
import { ESCAPE_BOUND, OptimizerRun, REACH_DISTANCE } from './optimizerRun.ts';
import { useCountingData } from './useCountingData.ts';
import { useLossSurface } from './useLossSurface.ts';
import './Trainer.css';

/*
 * Trainer: gradient descent, momentum and Rprop trained side by side from the same start (the core's `train`
 * generators), with their trajectories on the loss surface, their loss curves, Play / Pause / Step / Reset and a
 * speed in iterations per frame. Reads the notebook keys seed, count, length (data), objective, startWX, startWRec,
 * lr (gradient descent's η), mLr and beta (momentum's η and μ), etaPlus, etaMinus, step0 (Rprop's η+, η−, Δ0),
 * clip (gradient-norm clipping threshold, 0 = off) and lambda (L2 penalty λ), and passes clip and lambda to train().
 * Props:
 * - notebook: the page's declared notebook defaults (frontmatter.notebook).
 * - showRemedies: also show the fields for clip and λ (chapter 7); without them the values still apply.
 * - limit: the number of iterations a run goes to (default 500).
 */
interface Props {
  notebook?: DeclaredDefaults;
  showRemedies?: boolean;
  limit?: number;
}

/** The iterations a run goes to unless a page asks for another number. */
export const ITERATION_LIMIT = 500;
/** The fastest speed the speed control allows, in iterations per frame. */
export const MAX_SPEED = 50;

type Kind = 'gd' | 'momentum' | 'rprop';
const OPTIMIZERS: { kind: Kind; label: string; color: string; dash?: string }[] = [
  { kind: 'gd', label: 'Gradient descent', color: 'var(--c2)' },
  { kind: 'momentum', label: 'Momentum', color: 'var(--c4)', dash: '7 4' },
  { kind: 'rprop', label: 'Rprop', color: 'var(--c1)', dash: '1 4' },
];

/** Three optimizers racing on the loss surface from the same start. */
export default function Trainer({ notebook: declared, showRemedies = false, limit = ITERATION_LIMIT }: Props) {
  return (
    <DemoFrame name="trainer" label="Training with gradient descent, momentum and Rprop">
      <Training declared={declared} showRemedies={showRemedies} limit={limit} />
    </DemoFrame>
  );
}

interface Setup {
  data: Dataset;
  start: Weights;
  configs: Record<Kind, OptimizerConfig>;
  options: TrainOptions;
  limit: number;
}

function createRuns(setup: Setup): Record<Kind, OptimizerRun> {
  const { data, start, configs, options, limit } = setup;
  return {
    gd: new OptimizerRun(data, start, configs.gd, options, limit),
    momentum: new OptimizerRun(data, start, configs.momentum, options, limit),
    rprop: new OptimizerRun(data, start, configs.rprop, options, limit),
  };
}

/** A weight for readers: overflow that became NaN (∞ − ∞) is said in words, never shown as NaN. */
const showWeight = (v: number) => (Number.isNaN(v) ? 'overflow' : formatNumber(v));
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function Training({ declared, showRemedies, limit }: { declared?: DeclaredDefaults; showRemedies: boolean; limit: number }) {
  const notebook = usePageNotebook(declared);
  const s = notebook.state;
  const data = useCountingData(notebook);
  const objective: Objective = s.objective.value;
  const surface = useLossSurface(data, objective, s.lambda.value);
  const setup = useMemo<Setup>(
    () => ({
      data,
      start: { wX: s.startWX.value, wRec: s.startWRec.value },
      configs: {
        gd: { kind: 'gd', learningRate: s.lr.value },
        momentum: { kind: 'momentum', learningRate: s.mLr.value, momentum: s.beta.value },
        rprop: { kind: 'rprop', etaPlus: s.etaPlus.value, etaMinus: s.etaMinus.value, initialStep: s.step0.value },
      },
      options: { objective, penalty: s.lambda.value, clipNorm: s.clip.value > 0 ? s.clip.value : undefined },
      limit,
    }),
    [data, objective, limit, s.startWX.value, s.startWRec.value, s.lr.value, s.mLr.value, s.beta.value,
      s.etaPlus.value, s.etaMinus.value, s.step0.value, s.lambda.value, s.clip.value],
  );
  const [generation, setGeneration] = useState(0);
  const runs = useMemo(() => createRuns(setup), [setup, generation]);
  const [, setFrame] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState(2);
  const [reducedMotion, setReducedMotion] = useState(false);

  useEffect(() => {
    const query = matchMedia('(prefers-reduced-motion: reduce)');
    setReducedMotion(query.matches);
    const follow = () => setReducedMotion(query.matches);
    query.addEventListener('change', follow);
    return () => query.removeEventListener('change', follow);
  }, []);

  const all = [runs.gd, runs.momentum, runs.rprop];
  const active = all.some((run) => run.active);
  const iterations = Math.max(...all.map((run) => run.iteration));

  /** Advances every run that can go on by up to `count` iterations; false once none can. */
  const advance = (count: number) => {
    let moved = false;
    for (let i = 0; i < count; i++) {
      let any = false;
      for (const run of all) any = run.advance() || any;
      if (!any) break;
      moved = true;
    }
    return moved && all.some((run) => run.active);
  };

  // Settings or data changed: the runs were rebuilt, so whatever was playing stops.
  useEffect(() => setPlaying(false), [runs]);

  useEffect(() => {
    if (!playing) return;
    let handle = requestAnimationFrame(function frame() {
      const more = advance(speed);
      setFrame((f) => f + 1);
      if (more) handle = requestAnimationFrame(frame);
      else setPlaying(false);
    });
    return () => cancelAnimationFrame(handle);
  }, [playing, runs, speed]);

  const step = () => {
    setPlaying(false);
    advance(1);
    setFrame((f) => f + 1);
  };
  const reset = () => {
    setPlaying(false);
    setGeneration((g) => g + 1);
  };

  const top = useMemo(() => {
    const first = runs.rprop.losses[0];
    return Number.isFinite(first) && first > 0 ? Math.max(10, 10 ** Math.ceil(Math.log10(first))) : 1e300;
  }, [runs]);

  const messages: string[] = [];
  for (const { kind, label } of OPTIMIZERS) {
    const run = runs[kind];
    if (run.stopped === 'escaped') {
      messages.push(
        `${label} stopped after ${plural(run.iteration, 'iteration')}: its weights jumped to (w_x, w_rec) = ` +
          `(${showWeight(run.w.wX)}, ${showWeight(run.w.wRec)}), beyond ±${ESCAPE_BOUND}, far off the chart.`,
      );
    } else if (run.stopped === 'overflow') {
      messages.push(`${label} stopped after ${plural(run.iteration, 'iteration')}: its weights or its loss overflowed (too large to represent).`);
    }
    if (run.reached && s.lambda.value === 0) {
      messages.push(
        `${label} reached (w_x, w_rec) = (${formatNumber(run.reached.w.wX)}, ${formatNumber(run.reached.w.wRec)}) ` +
          `after ${plural(run.reached.iteration, 'iteration')}, within ${formatNumber(REACH_DISTANCE)} of the optimum.`,
      );
    }
  }
  if (!active) messages.push(iterations >= limit ? `All ${limit} iterations done: Reset to run again.` : 'Every optimizer has stopped: Reset to run again.');

  const where = (run: OptimizerRun) =>
    run.stopped ? 'stopped' : `(${formatNumber(run.w.wX)}, ${formatNumber(run.w.wRec)}) with loss ${formatNumber(run.loss)}`;
  const startText = `(${formatNumber(setup.start.wX)}, ${formatNumber(setup.start.wRec)})`;
  const mapDescription =
    `Trajectories on the loss surface from (w_x, w_rec) = ${startText} after ${plural(iterations, 'iteration')}: ` +
    OPTIMIZERS.map(({ kind, label }) => `${label} ${where(runs[kind])}`).join('; ') + '.';
  const curveDescription =
    `Loss against iteration on a log scale, from ${formatNumber(runs.rprop.losses[0])} at the start: ` +
    OPTIMIZERS.map(({ kind, label }) => `${label} ${runs[kind].stopped ? 'stopped' : `at ${formatNumber(runs[kind].loss)}`}`).join(', ') + '.';

  return (
    <>
      <div class="trainer-buttons row">
        <button type="button" onClick={() => setPlaying(true)} disabled={!active} aria-pressed={playing}>Play</button>
        <button type="button" onClick={() => setPlaying(false)}>Pause</button>
        <button type="button" onClick={step} disabled={!active}>Step</button>
        <button type="button" onClick={reset}>Reset</button>
        <label class="trainer-speed">
          <span class="label-row">
            <span>Speed (iterations per frame)</span>
            <output aria-hidden="true">{speed}</output>
          </span>
          <input
            type="range"
            min={1}
            max={MAX_SPEED}
            step={1}
            value={speed}
            aria-label="Speed (iterations per frame)"
            aria-valuetext={`${speed} per frame`}
            onInput={(e) => setSpeed(Number((e.currentTarget as HTMLInputElement).value))} />
        </label>
      </div>
      <div class="trainer-progress">
        <span>
          Iteration <span data-quantity="iterations" data-value={String(iterations)}>{iterations}</span> of {limit}
        </span>
        <progress max={limit} value={iterations} aria-label="Iterations run" />
      </div>
      {reducedMotion && (
        <p class="message warning">
          Your system asks for reduced motion, so nothing moves by itself: use Step to go one iteration at a time. Play still
          runs the optimizers if you press it.
        </p>
      )}
      <div class="trainer-charts">
        <ContourMap
          surface={surface}
          description={mapDescription}
          overlay={(x, y) => (
            <>
              <circle class="start-marker-halo" r={6} cx={x(setup.start.wX)} cy={y(setup.start.wRec)} />
              <circle class="start-marker" r={6} cx={x(setup.start.wX)} cy={y(setup.start.wRec)} />
              {OPTIMIZERS.map((o) => (
                <Trajectory key={o.kind} run={runs[o.kind]} x={x} y={y} color={o.color} dash={o.dash} />
              ))}
            </>
          )}
        />
        <LossCurve
          limit={limit}
          top={top}
          description={curveDescription}
          series={OPTIMIZERS.map(({ kind, label, color, dash }) => ({
            key: kind,
            label: kind === 'gd' ? 'GD' : label,
            losses: runs[kind].losses,
            count: Number.isFinite(runs[kind].loss) ? runs[kind].iteration + 1 : runs[kind].iteration,
            color,
            dash,
          }))}
        />
      </div>
      <div aria-live="polite" class="trainer-messages">
        {messages.map((m) => (
          <p key={m} class={m.includes('stopped after') ? 'message warning' : 'message'}>{m}</p>
        ))}
      </div>
      <div class="table-scroll">
        <table class="trainer-table">
          <caption class="visually-hidden">Each optimizer's iteration, weights and loss</caption>
          <thead>
            <tr>
              <th scope="col">optimizer</th>
              <th scope="col">iteration</th>
              <th scope="col">w<sub>x</sub></th>
              <th scope="col">w<sub>rec</sub></th>
              <th scope="col">loss E</th>
            </tr>
          </thead>
          <tbody>
            {OPTIMIZERS.map(({ kind, label, color, dash }) => {
              const run = runs[kind];
              return (
                <tr key={kind} data-optimizer={kind}>
                  <th scope="row">
                    <svg class="key" width="22" height="10" aria-hidden="true">
                      <line x1="1" x2="21" y1="5" y2="5" stroke={color} stroke-width="3" stroke-dasharray={dash} stroke-linecap="round" />
                    </svg>
                    {label}
                  </th>
                  <td data-quantity="iteration" data-value={String(run.iteration)}>{run.iteration}</td>
                  <td data-quantity="wX" data-value={String(run.w.wX)}>{showWeight(run.w.wX)}</td>
                  <td data-quantity="wRec" data-value={String(run.w.wRec)}>{showWeight(run.w.wRec)}</td>
                  {Number.isFinite(run.loss) ? (
                    <td data-quantity="loss" data-value={String(run.loss)}>{formatNumber(run.loss)}</td>
                  ) : (
                    <td>{run.stopped ? 'stopped' : '–'}</td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div class="trainer-settings">
        <fieldset>
          <legend>Gradient descent</legend>
          <NumberField label="learning rate η" name="η" hint="0.000001 to 1" value={s.lr.value} field={notebookSchema.lr} onChange={(v) => (s.lr.value = v)} />
        </fieldset>
        <fieldset>
          <legend>Momentum</legend>
          <NumberField label="learning rate η" name="η" hint="0.000001 to 1" value={s.mLr.value} field={notebookSchema.mLr} onChange={(v) => (s.mLr.value = v)} />
          <NumberField label="momentum μ" name="μ" hint="0 to 0.99" value={s.beta.value} field={notebookSchema.beta} onChange={(v) => (s.beta.value = v)} />
        </fieldset>
        <fieldset>
          <legend>Rprop</legend>
          <NumberField label="growth η⁺" name="η⁺" hint="1.01 to 3" value={s.etaPlus.value} field={notebookSchema.etaPlus} onChange={(v) => (s.etaPlus.value = v)} />
          <NumberField label="shrink η⁻" name="η⁻" hint="0.01 to 0.99" value={s.etaMinus.value} field={notebookSchema.etaMinus} onChange={(v) => (s.etaMinus.value = v)} />
          <NumberField label="first step Δ₀" name="Δ₀" hint="0.000001 to 1" value={s.step0.value} field={notebookSchema.step0} onChange={(v) => (s.step0.value = v)} />
        </fieldset>
        {showRemedies && (
          <fieldset>
            <legend>Remedies</legend>
            <NumberField label="clip the gradient norm at" name="clip" hint="0 = off, up to 1000" value={s.clip.value} field={notebookSchema.clip} onChange={(v) => (s.clip.value = v)} />
            <NumberField label="L2 penalty λ" name="λ" hint="0 to 10" value={s.lambda.value} field={notebookSchema.lambda} onChange={(v) => (s.lambda.value = v)} />
          </fieldset>
        )}
      </div>
    </>
  );
}

/** A run's path on the surface, appended to as it grows, with a dot at its current weights. */
function Trajectory({ run, x, y, color, dash }: {
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
