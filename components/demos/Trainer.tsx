import { useMemo } from 'preact/hooks';
import { formatNumber } from '~/notebook/format.ts';
import { RACERS, racerConfig } from '~/notebook/optimizers.ts';
import { declareCell, type KeysOf } from '~/notebook/page.ts';
import { defineCell, type ViewProps } from '../defineCell.tsx';
import { ContourMap } from '../charts/ContourMap.tsx';
import { LossCurve } from '../charts/LossCurve.tsx';
import { RaceControls } from '../trainer/RaceControls.tsx';
import { raceMessages } from '../trainer/raceMessages.ts';
import { RaceSettings } from '../trainer/RaceSettings.tsx';
import { RaceTable } from '../trainer/RaceTable.tsx';
import { Trajectory } from '../trainer/Trajectory.tsx';
import { useRace, type RaceSetup } from '../trainer/useRace.ts';
import { COUNTING_DATA_KEYS, useCountingData } from './useCountingData.ts';
import { useLossSurface } from './useLossSurface.ts';
import './Trainer.css';

interface Props {
  /** Also show the fields for clipping θ and the penalty λ (chapter 7); without them the page's values still apply. */
  showRemedies?: boolean;
  /** The number of iterations a run goes to. */
  limit?: number;
  /** The key of the bands a SharedLossSurface defines on the page, drawn from there while the surface is its. */
  sharedFills?: string;
}

/** The iterations a run goes to unless a page asks for another number. */
export const ITERATION_LIMIT = 500;

/** Every racer's hyper-parameter keys. */
const RACER_KEYS = RACERS.flatMap((racer) => racer.params.map((param) => param.key));

const trainer = declareCell({
  name: 'trainer',
  label: 'Training with gradient descent, momentum, Rprop and Adam',
  params: [
    ...COUNTING_DATA_KEYS,
    'objective',
    'startWX',
    'startWRec',
    'clip',
    'lambda',
    ...RACER_KEYS,
  ],
});

/**
 * The optimizers of the racer registry trained side by side from the same start (the core's `train`), with their
 * trajectories on the loss surface, their loss curves, Play / Pause / Step / Reset and a speed in iterations per
 * frame. The penalty λ and clipping θ apply to every racer.
 */
export default defineCell<KeysOf<typeof trainer>, Props>(trainer, Training);

function Training({ notebook, showRemedies = false, limit = ITERATION_LIMIT, sharedFills }: ViewProps<typeof trainer> & Props) {
  const s = notebook.state;
  const data = useCountingData(notebook);
  const objective = s.objective.value;
  const surface = useLossSurface(data, objective, s.lambda.value);
  const hyper = RACER_KEYS.map((key) => s[key].value);
  const setup = useMemo<RaceSetup>(
    () => ({
      data,
      start: { wX: s.startWX.value, wRec: s.startWRec.value },
      racers: RACERS.map((racer) => ({ racer, config: racerConfig(racer, notebook.snapshot()) })),
      options: { objective, penalty: s.lambda.value, clipNorm: s.clip.value > 0 ? s.clip.value : undefined },
      limit,
    }),
    [data, objective, limit, s.startWX.value, s.startWRec.value, s.lambda.value, s.clip.value, ...hyper],
  );
  const race = useRace(setup);
  const { runs, iterations } = race;

  const top = useMemo(() => {
    const first = runs[0].run.losses[0];
    return Number.isFinite(first) && first > 0 ? Math.max(10, 10 ** Math.ceil(Math.log10(first))) : 1e300;
  }, [runs]);

  const messages = raceMessages(runs, { penalty: s.lambda.value, limit, iterations, active: race.active });
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const startText = `(${formatNumber(setup.start.wX)}, ${formatNumber(setup.start.wRec)})`;
  const mapDescription =
    `Trajectories on the loss surface from (w_x, w_rec) = ${startText} after ${plural(iterations, 'iteration')}: ` +
    runs
      .map(({ racer, run }) => `${racer.label} ${run.stopped ? 'stopped' : `(${formatNumber(run.w.wX)}, ${formatNumber(run.w.wRec)}) with loss ${formatNumber(run.loss)}`}`)
      .join('; ') + '.';
  const curveDescription =
    `Loss against iteration on a log scale, from ${formatNumber(runs[0].run.losses[0])} at the start: ` +
    runs.map(({ racer, run }) => `${racer.label} ${run.stopped ? 'stopped' : `at ${formatNumber(run.loss)}`}`).join(', ') + '.';

  return (
    <>
      <RaceControls race={race} limit={limit} />
      <div class="trainer-charts">
        <ContourMap
          surface={surface}
          description={mapDescription}
          sharedFills={sharedFills}
          overlay={(x, y) => (
            <>
              <circle class="start-marker-halo" r={6} cx={x(setup.start.wX)} cy={y(setup.start.wRec)} />
              <circle class="start-marker" r={6} cx={x(setup.start.wX)} cy={y(setup.start.wRec)} />
              {runs.map(({ racer, run }) => (
                <Trajectory key={racer.kind} run={run} x={x} y={y} color={racer.color} dash={racer.dash} />
              ))}
            </>
          )}
        />
        <LossCurve
          limit={limit}
          top={top}
          description={curveDescription}
          series={runs.map(({ racer, run }) => ({
            key: racer.kind,
            label: racer.legend,
            losses: run.losses,
            count: Number.isFinite(run.loss) ? run.iteration + 1 : run.iteration,
            color: racer.color,
            dash: racer.dash,
          }))}
        />
      </div>
      <div aria-live="polite" class="trainer-messages">
        {messages.map((m) => (
          <p key={m.text} class={m.severity === 'warning' ? 'message warning' : 'message'}>{m.text}</p>
        ))}
      </div>
      <RaceTable runs={runs} />
      <RaceSettings notebook={notebook} showRemedies={showRemedies} />
    </>
  );
}
