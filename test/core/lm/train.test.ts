import { describe, expect, it } from 'vitest';
import { initParams, WEIGHT_NAMES } from '~/core/lm/params';
import type { Params } from '~/core/lm/params';
import { buildDataset, meanLoss, trainLM } from '~/core/lm/train';
import type { LmTrainOptions, LmTrainStep } from '~/core/lm/train';
import { relErr } from './fixtures';

const CORPUS = [
  'i like french fries',
  'i like french fries with salt',
  'i like french wine',
  'we like french wine',
  'she likes italian food',
  'they love spanish music',
  'i like french toast',
  'he likes italian pizza',
].join('\n');

function train(options: LmTrainOptions): { steps: LmTrainStep[]; params: Params } {
  const steps: LmTrainStep[] = [];
  const trainer = trainLM(buildDataset(CORPUS), options);
  for (;;) {
    const r = trainer.next();
    if (r.done) return { steps, params: r.value };
    steps.push({ ...r.value });
  }
}

describe('trainLM', () => {
  it('trainLM lowers the mean cross-entropy of a small corpus below half its initial value', () => {
    const dataset = buildDataset(CORPUS);
    const { steps, params } = train({ hidden: 8, epochs: 40, batchSize: 4, seed: 1 });
    const first = steps[0].loss;
    expect(meanLoss(params, dataset.sequences)).toBeLessThan(first / 2);
    // 8 sentences, batches of 4: 2 steps per epoch
    expect(steps.length).toBe(80);
    expect(steps[79]).toMatchObject({ epoch: 40, step: 80 });
  });

  it('trainLM yields the mean loss per predicted word of the batch, at the parameters before the step', () => {
    const dataset = buildDataset(CORPUS);
    // one batch holding every sentence: its loss is meanLoss at the seeded initial parameters
    const initial = initParams(4, dataset.vocabularySize, { seed: 2 });
    const first = trainLM(dataset, { hidden: 4, epochs: 1, batchSize: 100, seed: 2 }).next().value as LmTrainStep;
    expect(first.words).toBe(dataset.sequences.reduce((s, t) => s + t.length - 1, 0));
    expect(relErr(first.loss, meanLoss(initial, dataset.sequences))).toBeLessThanOrEqual(1e-12);
    expect(meanLoss(first.params, dataset.sequences)).toBeLessThan(first.loss);
  });

  it('trainLM with the same seed gives identical parameters bit for bit; another seed does not', () => {
    const options = { hidden: 6, epochs: 5, batchSize: 3, truncation: 3 };
    const a = train({ ...options, seed: 42 }).params;
    const b = train({ ...options, seed: 42 }).params;
    const c = train({ ...options, seed: 43 }).params;
    for (const name of WEIGHT_NAMES) {
      expect(Buffer.from(a[name].buffer).equals(Buffer.from(b[name].buffer))).toBe(true);
    }
    expect(Buffer.from(a.wY.buffer).equals(Buffer.from(c.wY.buffer))).toBe(false);
  });

  it('trainLM with learningRateEnd decays the step size geometrically from epoch 1 to the last', () => {
    const { steps } = train({ hidden: 4, epochs: 3, batchSize: 8, learningRate: 0.01, learningRateEnd: 0.0001 });
    expect(steps.map((s) => s.learningRate)).toEqual([0.01, 0.01 * 0.01 ** 0.5, 0.0001]);
  });

  it.each([
    // no epoch
    [{ epochs: 0 }, /epochs must be an integer ≥ 1, got 0/],
    // an empty batch
    [{ batchSize: 0 }, /batchSize must be an integer ≥ 1, got 0/],
    // a hidden size out of range
    [{ hidden: 300 }, /H \(hidden size\) must be an integer from 1 to 256, got 300/],
    // a zero truncation window
    [{ truncation: 0 }, /truncation \(τ\) must be an integer ≥ 1, got 0/],
    // a zero clipping norm
    [{ clipNorm: 0 }, /clipNorm must be a number > 0/],
  ])('trainLM(dataset, %j) throws a RangeError before the first step', (options, message) => {
    expect(() => trainLM(buildDataset(CORPUS), options)).toThrow(message);
  });

  it('trainLM refuses an empty dataset and a sentence with an empty token list', () => {
    expect(() => trainLM({ vocabularySize: 5, sequences: [] })).toThrow(/dataset.sequences is empty/);
    expect(() => trainLM({ vocabularySize: 5, sequences: [[0, 3, 1], []] })).toThrow(
      /dataset.sequences\[1\] is empty \(an empty sentence\)/,
    );
    expect(() => buildDataset('\n  \n')).toThrow(/corpusText holds no sentence/);
  });
});
