// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import NextWordTrainer from '@components/demos/NextWordTrainer.tsx';
import { nextWordInitial } from '@components/demos/nextWordAtBuild.ts';
import { trainedModel } from '@components/demos/nextWordModel.ts';

const initial = nextWordInitial();
let root: HTMLElement;

function mount() {
  root = document.createElement('div');
  document.body.append(root);
  act(() => render(<NextWordTrainer initial={initial} />, root));
  return root.querySelector<HTMLElement>('[data-demo="next-word-trainer"]')!;
}

const button = (frame: HTMLElement, name: string) =>
  Array.from(frame.querySelectorAll('button')).find((b) => b.textContent === name)!;

function type(input: HTMLInputElement, text: string) {
  act(() => {
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

afterEach(() => {
  render(null, root);
  root.remove();
});

describe('NextWordTrainer before a run', () => {
  it('renders in its frame with the epochs field, Start enabled, Reset disabled and an empty loss curve', () => {
    const frame = mount();
    expect(frame.getAttribute('aria-label')).toBe('Train the next-word model in the browser');
    const field = frame.querySelector<HTMLInputElement>('input[inputmode="numeric"]')!;
    expect(field.value).toBe(String(initial.hyperParameters.epochs));
    expect(frame.querySelector(`label[for="${field.id}"]`)?.textContent).toBe(`Epochs (passes over the ${initial.sentences} sentences)`);
    expect(button(frame, 'Start training').disabled).toBe(false);
    expect(button(frame, 'Reset').disabled).toBe(true);
    expect(frame.querySelector('.trainer-numbers')?.textContent).toContain('Not started.');
    expect(frame.querySelector('.trainer-curve svg[role="img"]')?.getAttribute('aria-label')).toContain('empty until training starts');
    expect(frame.querySelectorAll('[data-quantity="epoch-loss"]')).toHaveLength(0);
    expect(frame.querySelector('.trainer-samples')?.textContent).toContain('Samples appear here after each epoch.');
    expect(button(frame, 'Use these weights in the predictor').disabled).toBe(true);
  });

  it('shows the shipped weights\' training and held-out losses in its table, and dashes for the run not yet trained', () => {
    const frame = mount();
    const table = frame.querySelector('table.trainer-losses')!;
    expect(table.querySelector('caption')?.textContent).toContain('held out from training');
    expect(table.querySelector('[data-quantity="shippedTrainLoss"]')?.getAttribute('data-value')).toBe(String(initial.finalLoss));
    expect(table.querySelector('[data-quantity="shippedHeldOutLoss"]')?.getAttribute('data-value')).toBe(String(initial.heldOutLoss));
    expect(table.querySelector('[data-quantity="trainLoss"]')).toBeNull();
    expect(table.querySelector('[data-quantity="heldOutLoss"]')).toBeNull();
    expect(table.textContent).toContain(`training part (${initial.sentences} sentences)`);
    expect(table.textContent).toContain(`held-out part (${initial.heldOutSentences} sentences)`);
  });

  it('refuses 2.5 epochs with a message and a disabled Start, and takes 3 again', () => {
    const frame = mount();
    const field = frame.querySelector<HTMLInputElement>('input[inputmode="numeric"]')!;
    type(field, '2.5');
    expect(frame.querySelector('.message.error')?.textContent).toBe('Epochs must be a whole number from 1 to 1000, got “2.5”.');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(button(frame, 'Start training').disabled).toBe(true);
    type(field, '3');
    expect(frame.querySelector('.message.error')).toBeNull();
    expect(button(frame, 'Start training').disabled).toBe(false);
  });
});

/** A stand-in for the training worker: records the commands and lets the test send its reports. */
class FakeWorker {
  static last: FakeWorker | undefined;
  commands: unknown[] = [];
  terminated = false;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  constructor() {
    FakeWorker.last = this;
  }
  postMessage(command: unknown) {
    this.commands.push(command);
  }
  terminate() {
    this.terminated = true;
  }
  report(data: unknown) {
    act(() => this.onmessage?.({ data }));
  }
}

describe('NextWordTrainer with a worker', () => {
  beforeEach(() => {
    vi.stubGlobal('Worker', FakeWorker);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('starts, pauses, resumes, shows each epoch and the final loss, and resets', () => {
    const frame = mount();
    type(frame.querySelector<HTMLInputElement>('input[inputmode="numeric"]')!, '2');
    act(() => button(frame, 'Start training').click());
    const worker = FakeWorker.last!;
    expect(worker.commands).toEqual([{ type: 'start', options: { ...initial.hyperParameters, epochs: 2 }, split: initial.split }]);
    expect(frame.querySelector('.trainer-numbers')?.textContent).toBe('Starting…');
    act(() => button(frame, 'Pause').click());
    expect(worker.commands.at(-1)).toEqual({ type: 'pause' });
    worker.report({ type: 'paused' });
    act(() => button(frame, 'Resume').click());
    expect(worker.commands.at(-1)).toEqual({ type: 'resume' });
    worker.report({ type: 'resumed' });

    const words = ['<pad>', '<s>', '</s>', 'i', 'like', 'french'];
    const sizes = { trainingSentences: 9, heldOutSentences: 1, heldOutScored: 4, heldOutExcluded: 1 };
    worker.report({ type: 'started', words, totalSteps: 4, stepsPerEpoch: 2, epochs: 2, ...sizes });
    for (const epoch of [1, 2]) {
      worker.report({ type: 'progress', step: 2 * epoch, epoch, losses: [4 / epoch, 3 / epoch], elapsedMs: 500 * epoch });
      worker.report({ type: 'epoch', epoch, loss: 3.5 / epoch, heldOutLoss: 4 / epoch, topWord: 'fries', topProbability: 0.25, sample: ['fries'], weights: {} });
      // the table follows the latest epoch: the training part's mean over the epoch, the held-out loss after it
      expect(frame.querySelector('[data-quantity="trainLoss"]')?.getAttribute('data-value')).toBe(String(3.5 / epoch));
      expect(frame.querySelector('[data-quantity="heldOutLoss"]')?.getAttribute('data-value')).toBe(String(4 / epoch));
      expect(frame.querySelector('table.trainer-losses tbody th')?.textContent).toBe(`this run, epoch ${epoch}`);
    }
    expect(frame.querySelector('table.trainer-losses')?.textContent).toContain('training part (9 sentences)');
    worker.report({ type: 'done', finalLoss: 1.25, heldOutLoss: 1.875, elapsedMs: 1000, steps: 4 });
    expect(Array.from(frame.querySelectorAll('[data-quantity="held-out-loss"]'), (c) => c.getAttribute('data-value'))).toEqual(['4', '2']);
    // at the end: both losses at the final weights
    expect(frame.querySelector('table.trainer-losses tbody th')?.textContent).toBe('this run, final weights');
    expect(frame.querySelector('[data-quantity="trainLoss"]')?.getAttribute('data-value')).toBe('1.25');
    expect(frame.querySelector('[data-quantity="heldOutLoss"]')?.getAttribute('data-value')).toBe('1.875');
    expect(frame.querySelector('[data-quantity="final-held-out-loss"]')?.getAttribute('data-value')).toBe('1.875');
    expect(frame.querySelector('.trainer-curve svg')?.getAttribute('aria-label')).toContain('on the held-out sentences from 4 to 2');

    expect(frame.querySelector('progress')?.getAttribute('aria-valuetext')).toBe('epoch 2 of 2');
    expect(frame.querySelector('.trainer-numbers')?.textContent).toContain('finished');
    expect(Array.from(frame.querySelectorAll('[data-quantity="epoch-loss"]'), (c) => c.getAttribute('data-value'))).toEqual(['3.5', '1.75']);
    expect(frame.querySelector('[data-quantity="final-loss"]')?.getAttribute('data-value')).toBe('1.25');
    expect(frame.querySelectorAll('.trainer-samples li')).toHaveLength(2);
    expect(frame.querySelector('.trainer-use-note')?.textContent).toBe('Latest weights: after epoch 2.');
    expect(button(frame, 'Train again').disabled).toBe(false);

    act(() => button(frame, 'Reset').click());
    expect(worker.terminated).toBe(true);
    expect(frame.querySelectorAll('[data-quantity="epoch-loss"]')).toHaveLength(0);
    expect(frame.querySelector('progress')?.getAttribute('value')).toBe('0');
    expect(button(frame, 'Start training').disabled).toBe(false);
  });

  it('says why when the worker fails, and asks for Reset', () => {
    const frame = mount();
    act(() => button(frame, 'Start training').click());
    FakeWorker.last!.report({ type: 'error', message: 'out of memory' });
    expect(frame.querySelector('[role="alert"]')?.textContent).toBe('Training stopped: out of memory. Press Reset, then start again.');
    // Before the worker announced its run, the progress line says the run never started (not "Starting…").
    expect(frame.querySelector('.trainer-numbers')?.textContent).toBe('Training failed to start.');
  });

  it.each(['Reset', 'Train again'])('hands the predictor back the shipped weights when %s discards the run they came from', (name) => {
    const frame = mount();
    type(frame.querySelector<HTMLInputElement>('input[inputmode="numeric"]')!, '1');
    act(() => button(frame, 'Start training').click());
    const worker = FakeWorker.last!;
    worker.report({ type: 'started', words: ['<pad>', '<s>', '</s>', 'i'], totalSteps: 2, stepsPerEpoch: 2, epochs: 1, trainingSentences: 2, heldOutSentences: 1, heldOutScored: 2, heldOutExcluded: 0 });
    worker.report({ type: 'epoch', epoch: 1, loss: 2, heldOutLoss: 2.5, topWord: 'i', topProbability: 0.5, sample: ['i'], weights: {} });
    worker.report({ type: 'done', finalLoss: 1.5, heldOutLoss: 2.25, elapsedMs: 100, steps: 2 });
    act(() => button(frame, 'Use these weights in the predictor').click());
    expect(trainedModel.value?.epoch).toBe(1);
    act(() => button(frame, name).click());
    expect(trainedModel.value).toBeNull();
    expect(frame.querySelector('.trainer-use-note')?.textContent).not.toContain('The predictor above uses');
  });
});
