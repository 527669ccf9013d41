import { formatNumber } from '~/notebook/format.ts';
import { SAMPLE_PREFIX, SAMPLE_TEMPERATURE } from '../workers/lmTrainerMessages.ts';
import type { EpochSummary } from './trainingRun.ts';

/** What the model says after the sample prefix, epoch by epoch: its most probable word and a sampled sentence. */
export function EpochSamples({ samples }: { samples: readonly EpochSummary[] }) {
  const latest = samples[samples.length - 1];
  return (
    <section class="trainer-samples" aria-label="What the model says as it learns">
      <p class="trainer-samples-title">
        After “{SAMPLE_PREFIX.join(' ')}”, epoch by epoch (most probable word; a sentence sampled at <var>T</var> ={' '}
        {formatNumber(SAMPLE_TEMPERATURE)}):
      </p>
      {samples.length === 0 ? (
        <p class="trainer-empty">Samples appear here after each epoch.</p>
      ) : (
        <ol>
          {samples.map((s) => (
            <li key={s.epoch} data-epoch={s.epoch} class={s === latest ? 'is-latest' : undefined}>
              <span class="trainer-epoch">epoch {s.epoch}</span>{' '}
              <span>
                “{s.topWord === '</s>' ? '</s> (end)' : s.topWord}” ({formatNumber(s.topProbability, 2)})
              </span>{' '}
              <span class="trainer-sample">
                {SAMPLE_PREFIX.join(' ')} <strong>{s.sample.length > 0 ? s.sample.join(' ') : '(ends the sentence here)'}</strong>
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
