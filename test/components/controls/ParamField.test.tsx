// @vitest-environment happy-dom
import { render } from 'preact';
import { useState } from 'preact/hooks';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { ParamField } from '@components/controls/ParamField.tsx';
import { n } from '~/notebook/params/training.ts';

let root: HTMLElement;
let setFromElsewhere: (value: number) => void = () => {};

/** The n field bound to a value the page holds, as a notebook binds it; `setFromElsewhere` is another cell's write. */
function Host() {
  const [value, setValue] = useState(n.initial);
  setFromElsewhere = setValue;
  return (
    <>
      <ParamField param={n} value={value} onChange={setValue} />
      <output data-value={value} />
    </>
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

const held = () => Number(root.querySelector('output')!.dataset.value);
const message = () => root.querySelector('[role="status"]')!.textContent;

afterEach(() => {
  render(null, root);
  root.remove();
});

describe('ParamField for the whole number n (1 to 1000)', () => {
  it('is a text field with a numeric keyboard, not a number input', () => {
    const input = mount();
    expect(input.type).toBe('text');
    expect(input.getAttribute('inputmode')).toBe('numeric');
  });

  it('never rewrites what the reader types, key by key: 1e308 shows a message and keeps n = 1000 from 1e3', () => {
    const input = mount();
    let typed = '';
    for (const key of '1e308') {
      typed += key;
      type(input, typed);
      expect(input.value).toBe(typed);
    }
    expect(held()).toBe(1000);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(message()).toMatch(/^n must be between 1 and 1000, got .*\. Still using n = 1000\.$/);
  });

  it.each([
    // a comma for the point, a hexadecimal prefix, spaces, nothing
    ['1,5'],
    ['0x10'],
    [' 15 '],
    [''],
  ])('refuses %j beside the field, keeping the text and the last good value', (text) => {
    const input = mount();
    type(input, text);
    expect(input.value).toBe(text);
    expect(held()).toBe(n.initial);
    expect(message()).toContain(`n must be a decimal number such as 0.5, -2 or 1e-3, got "${text}". Still using n = ${n.initial}.`);
  });

  it('follows a value set elsewhere while its own text is good', () => {
    const input = mount();
    type(input, '1e2');
    expect(held()).toBe(100);
    act(() => setFromElsewhere(7));
    expect(input.value).toBe('7');
    expect(message()).toBe('');
  });
});
