// @vitest-environment happy-dom
import { hydrate, render } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { TextInput } from '@components/controls/TextInput.tsx';

let root: HTMLElement | undefined;
afterEach(() => {
  root?.remove();
  root = undefined;
});

const field = (props: { onInput?: (event: Event) => void; disabled?: boolean } = {}) => (
  <label for="f">
    <span>Input sequence x</span>
    <TextInput id="f" value="0110" autoComplete="off" spellcheck={false} aria-describedby="f-message" inputMode="numeric" {...props} />
  </label>
);

describe('TextInput: a text field that is an input only once its cell is live', () => {
  it('server-renders a box with the text, and no form field', () => {
    const html = renderToString(field());
    expect(html).not.toMatch(/<input|<textarea/);
    expect(html).toContain('<span id="f" class="text-input-static">0110</span>');
  });

  it('hydrates the server markup into an input with the same id, value and attributes', () => {
    root = document.createElement('div');
    root.innerHTML = renderToString(field());
    document.body.append(root);
    const events: string[] = [];
    act(() => hydrate(field({ onInput: (event) => events.push((event.currentTarget as HTMLInputElement).value) }), root!));
    expect(root.querySelector('.text-input-static')).toBeNull();
    const input = root.querySelector('input')!;
    expect(input.id).toBe('f');
    expect(input.type).toBe('text');
    expect(input.value).toBe('0110');
    expect(input.getAttribute('autocomplete')).toBe('off');
    expect(input.getAttribute('inputmode')).toBe('numeric');
    expect(input.getAttribute('aria-describedby')).toBe('f-message');
    // The label now names it, and typing reaches the handler.
    expect(root.querySelector('label')!.control).toBe(input);
    input.value = '01101';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    expect(events).toEqual(['01101']);
  });

  it('renders an input straight away in a page that is already live, disabled when asked', () => {
    root = document.createElement('div');
    document.body.append(root);
    act(() => render(field({ disabled: true }), root!));
    const input = root.querySelector('input')!;
    expect(input.value).toBe('0110');
    expect(input.disabled).toBe(true);
  });
});
