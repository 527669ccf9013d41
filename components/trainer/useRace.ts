import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Dataset, TrainOptions, Weights } from '~/core';
import type { Racer } from '~/notebook/optimizers.ts';
import { OptimizerRun } from '../demos/optimizerRun.ts';
import { useReducedMotion } from './useReducedMotion.ts';

/** What a race is run on: the data, the start, each racer's core config, the training options and the last iteration. */
export interface RaceSetup {
  data: Dataset;
  start: Weights;
  racers: readonly { racer: Racer; config: ConstructorParameters<typeof OptimizerRun>[2] }[];
  options: TrainOptions;
  limit: number;
}

/** A race in progress: each racer's run, the controls' state, and the actions that move it. */
export interface Race {
  runs: readonly { racer: Racer; run: OptimizerRun }[];
  /** The furthest iteration any racer has reached. */
  iterations: number;
  /** Whether any racer can still move. */
  active: boolean;
  playing: boolean;
  speed: number;
  reducedMotion: boolean;
  setSpeed(speed: number): void;
  play(): void;
  pause(): void;
  step(): void;
  reset(): void;
}

/**
 * The race's run loop: one OptimizerRun per racer, rebuilt (and stopped) whenever the setup changes, advanced by
 * `speed` iterations per animation frame while playing, or one at a time by `step`.
 */
export function useRace(setup: RaceSetup): Race {
  const [generation, setGeneration] = useState(0);
  const runs = useMemo(
    () => setup.racers.map(({ racer, config }) => ({ racer, run: new OptimizerRun(setup.data, setup.start, config, setup.options, setup.limit) })),
    [setup, generation],
  );
  const [, setFrame] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState(2);
  const reducedMotion = useReducedMotion();
  const all = runs.map(({ run }) => run);
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

  return {
    runs,
    iterations,
    active,
    playing,
    speed,
    reducedMotion,
    setSpeed,
    play: () => setPlaying(true),
    pause: () => setPlaying(false),
    step: () => {
      setPlaying(false);
      advance(1);
      setFrame((f) => f + 1);
    },
    reset: () => {
      setPlaying(false);
      setGeneration((g) => g + 1);
    },
  };
}
