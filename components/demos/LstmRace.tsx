import { useEffect, useRef, useState } from 'preact/hooks';
import { ADDING_RACE_DEFAULTS } from '~/core/addingRaceDefaults.ts';
import { formatNumber } from '~/notebook/format.ts';
import { declareCell, type KeysOf } from '~/notebook/page.ts';
import * as raceParams from '~/notebook/params/race.ts';
import { defineCell, type ViewProps } from '../defineCell.tsx';
import { bind } from '../controls/bind.ts';
import { ParamField } from '../controls/ParamField.tsx';
import { TestMseChart, type MseSeries } from '../charts/TestMseChart.tsx';
import { FinalMseTable } from '../race/FinalMseTable.tsx';
import { GradientNorms } from '../race/GradientNorms.tsx';
import { LagSlider } from '../race/LagSlider.tsx';
import { RaceButtons } from '../race/RaceButtons.tsx';
import { RACE_MODELS } from '../race/raceModels.ts';
import { RaceProgress } from '../race/RaceProgress.tsx';
import { racedUpdates, raceStatus, type RaceCurve } from '../race/raceRun.ts';
import type { RecordedRace } from '../race/recordedRaceType.ts';
import { useAddingRace } from '../race/useAddingRace.ts';
import { useReducedMotion } from '../trainer/useReducedMotion.ts';
import type { RaceSettings } from '../workers/addingRaceMessages.ts';
import './LstmRace.css';

interface Props {
  /** The default race as recorded in data/adding-race.json (recordedRace() at build time), shown until the reader races. */
  recorded?: RecordedRace;
}

const race = declareCell({
  name: 'lstm-race',
  label: 'A tanh RNN and an LSTM trained on the adding problem, racing as the time lag T grows',
  params: ['lag', 'raceSeed', 'updates'],
});

/**
 * The adding-problem race: a tanh RNN and an LSTM trained with the same settings (the core's `addingTrainer`) in a
 * Web Worker when the reader asks, their test-MSE curves against the constant prediction, their final test MSE, and
 * after the race both trained networks' gradient norms against the step k.
 */
export default defineCell<KeysOf<typeof race>, Props>(race, LstmRace);

const same = (a: RaceSettings, b: RaceSettings) => a.T === b.T && a.seed === b.seed && a.updates === b.updates;
const describeSettings = (s: RaceSettings) => `T = ${s.T}, seed ${s.seed}, ${s.updates} updates`;

function LstmRace({ notebook, recorded }: ViewProps<typeof race> & Props) {
  const { lag, raceSeed, updates } = notebook.state;
  const chosen: RaceSettings = { T: lag.value, seed: raceSeed.value, updates: updates.value };
  const { run, start, pause, resume, reset } = useAddingRace();
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  const reducedMotion = useReducedMotion();

  // With reduced motion the curves hold still while the race runs, and catch up when it pauses or ends.
  const held = useRef<RaceCurve>(run.curve);
  if (!(reducedMotion && run.phase === 'running')) held.current = run.curve;
  const showRecorded = run.phase === 'idle' && recorded !== undefined && same(recorded.settings, chosen);
  const curve = showRecorded ? recorded.curve : held.current;
  const settings = run.settings ?? chosen;
  const baseline = showRecorded ? recorded.baseline : run.baseline;
  const raced = racedUpdates(run);
  const latest = run.curve.updates.length > 0 ? { rnn: run.curve.rnn.at(-1)!, lstm: run.curve.lstm.at(-1)! } : null;
  const changed = run.phase !== 'idle' && run.settings !== null && !same(run.settings, chosen);

  const series: MseSeries[] = RACE_MODELS.map((model) => ({
    key: model.key,
    label: model.label,
    updates: curve.updates,
    values: curve[model.key],
    color: model.color,
    dash: model.dash,
    quantity: showRecorded ? 'recordedTestLossCurve' : 'testLossCurve',
  }));
  const last = curve.updates.length - 1;
  const baselineText = baseline === null ? '' : `; predicting the mean target t̄ scores ${formatNumber(baseline)}`;
  const description =
    last < 0
      ? `Test MSE against the update, log scale: empty until the race starts (${describeSettings(settings)}).`
      : `Test MSE against the update, log scale${showRecorded ? ', recorded race' : ''}, ${describeSettings(settings)}: after ${curve.updates[last]} updates ` +
        `the LSTM is at ${formatNumber(curve.lstm[last])} and the tanh RNN at ${formatNumber(curve.rnn[last])}${baselineText}.`;
  const d = ADDING_RACE_DEFAULTS;

  return (
    <>
      <p class="race-intro">
        Start trains a tanh RNN and an LSTM, both with H = {d.H} units and a linear readout, on the adding problem with time lag T: the same
        Adam (η = {d.learningRate}), minibatches of {d.batchSize} fresh sequences, clipping at {d.clipNorm}, seeded weights and data, and the same
        number of updates. Every {d.evalEvery} updates both are scored on the same {d.testSize} fresh test sequences. The training runs in a
        background worker, so the page stays usable.
      </p>
      <fieldset class="race-settings" disabled={!ready}>
        <legend>Race settings</legend>
        <div class="controls">
          <LagSlider {...bind(notebook, raceParams.lag)} stops={raceParams.RACE_LAGS} />
          <ParamField {...bind(notebook, raceParams.raceSeed)} />
          <ParamField {...bind(notebook, raceParams.updates)} />
        </div>
      </fieldset>
      <RaceButtons
        phase={run.phase}
        ready={ready}
        onStart={() => start(chosen)}
        onPause={pause}
        onResume={resume}
        onReset={reset}
      />
      {!ready && <p class="message">The race runs in your browser and needs JavaScript: without it, the controls are disabled and the recorded race is shown.</p>}
      {changed && (
        <p class="message">
          This race runs with {describeSettings(run.settings!)}; press {run.phase === 'done' ? 'Race again' : 'Reset, then Start the race,'} for{' '}
          {describeSettings(chosen)}.
        </p>
      )}
      {reducedMotion && (
        <p class="message">Your system asks for reduced motion, so the curves are drawn when you pause and when the race ends, not while it runs.</p>
      )}
      <RaceProgress raced={raced} total={settings.updates} speed={run.speed} />
      <p class="race-status" role="status" aria-live="polite">{raceStatus(run)}</p>
      {run.phase === 'error' && <p class="message error">Press Reset, then start again.</p>}
      <TestMseChart
        series={series}
        limit={settings.updates}
        baseline={baseline === null ? null : { value: baseline, label: `constant prediction t̄: ${formatNumber(baseline, 3)}` }}
        description={description}
      />
      {showRecorded ? (
        <FinalMseTable
          mse={recorded.final}
          baseline={recorded.baseline}
          quantity="recordedTestLoss"
          caption={`Recorded race (data/adding-race.json), ${describeSettings(recorded.settings)}: Start runs it again in your browser.`}
        />
      ) : (
        <FinalMseTable
          mse={latest}
          baseline={run.baseline}
          quantity="testLoss"
          caption={
            run.phase === 'idle'
              ? `Not raced yet: press Start the race for T = ${settings.T}, seed ${settings.seed}, ${settings.updates} updates`
              : run.phase === 'done'
              ? `Final test MSE after ${raced} updates (T = ${settings.T}, seed ${settings.seed})`
              : `Test MSE so far, after ${raced} of ${settings.updates} updates (T = ${settings.T}, seed ${settings.seed})`
          }
        />
      )}
      {run.gradients ? (
        <GradientNorms gradients={run.gradients} />
      ) : (
        <p class="race-note">
          When the race ends, a chart here shows how much of the error at the last step reaches each step k in the two trained networks:
          ‖∂E/∂c_k‖ through the LSTM's cell state and ‖∂E/∂h_k‖ through the RNN's state.
        </p>
      )}
    </>
  );
}
