// @vitest-environment happy-dom
import { render } from 'preact';
import { useState } from 'preact/hooks';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { readEpochs } from '@components/next-word/readEpochs.ts';
import { TrainerSettings } from '@components/next-word/TrainerSettings.tsx';

let root: HTMLElement;

/** The settings as the trainer holds them: the field's text, read by readEpochs on every change. */
function Host() {
  const [text, setText] = useState('300');
  const chosen = readEpochs(text);
  const noop = () => {};
  return (
    <TrainerSettings
      hyper={{}}
      sentences={40}
      epochsText={text}
      epochsError={typeof chosen === 'string' ? chosen : ''}
      onEpochsText={setText}
      phase="idle"
      onStart={noop}
      onPause={noop}
      onResume={noop}
      onReset={noop}
    />
  );
}

function mount() {
  root = document.createElement('div');
  document.body.append(root);
  act(() => render(<Host />, root));
  return root.querySelector<HTMLInputElement>('input')!;
}

function type(input: HTMLInputElement, text: string) {
  act(() => {
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

const start = () => Array.from(root.querySelectorAll('button')).find((b) => b.textContent === 'Start training')!;

afterEach(() => {
  render(null, root);
  root.remove();
});

describe('TrainerSettings: the epochs field', () => {
  it('is a text field with a numeric keyboard (a number input rewrites what the reader types)', () => {
    const input = mount();
    expect(input.type).toBe('text');
    expect(input.getAttribute('inputmode')).toBe('numeric');
    expect(input.hasAttribute('min') || input.hasAttribute('max') || input.hasAttribute('step')).toBe(false);
  });

  it('keeps 0x10 as typed and refuses it beside the field, with Start disabled', () => {
    const input = mount();
    type(input, '0x10');
    expect(input.value).toBe('0x10');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(root.querySelector('.message.error')?.textContent).toBe('Epochs must be a decimal number such as 0.5, -2 or 1e-3, got "0x10".');
    expect(start().disabled).toBe(true);
    type(input, '1e1');
    expect(root.querySelector('.message.error')).toBeNull();
    expect(start().disabled).toBe(false);
  });
});
