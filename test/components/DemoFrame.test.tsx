// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { DemoFrame } from '@components/DemoFrame.tsx';

function Broken(): never {
  throw new Error('the core refused x[3] = "a"');
}

describe('DemoFrame', () => {
  it('shows a cell that throws as an error inside its own frame, leaving its neighbours working', () => {
    const root = document.createElement('div');
    document.body.append(root);
    act(() => render(
      <>
        <DemoFrame name="broken" label="A cell that fails">
          <Broken />
        </DemoFrame>
        <DemoFrame name="fine" label="A cell that works">
          <p>s_12 = 5</p>
        </DemoFrame>
      </>,
      root,
    ));
    const broken = root.querySelector('[data-demo="broken"]');
    expect(broken?.querySelector('[role="alert"]')?.textContent).toContain('the core refused x[3] = "a"');
    expect(root.querySelector('[data-demo="fine"]')?.textContent).toBe('s_12 = 5');
  });

  it('renders its children inside a labelled group carrying data-demo', () => {
    const root = document.createElement('div');
    render(<DemoFrame name="states" label="States"><span>ok</span></DemoFrame>, root);
    const frame = root.querySelector('[data-demo="states"]');
    expect(frame?.getAttribute('role')).toBe('group');
    expect(frame?.getAttribute('aria-label')).toBe('States');
    expect(frame?.textContent).toBe('ok');
  });
});
