import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import type { FunctionComponent } from 'preact';
import type { CellProps } from '@components/defineCell.tsx';
import ForwardCell from '@components/demos/ForwardDemo.tsx';
import { buildPageNotebook } from '~/site/page-notebook.ts';

// The server render is where a chapter's wiring is checked: the build stops on a cell its page did not wire.
// As a chapter uses it: the only prop is the page's notebook (or, by mistake, none).
const ForwardDemo = ForwardCell as unknown as FunctionComponent<CellProps>;

describe('a cell rendered at build time', () => {
  const declaration = ForwardCell.cell;

  it('renders in its frame when handed a notebook holding its keys', () => {
    const html = renderToString(<ForwardDemo notebook={buildPageNotebook(declaration.params)} />);
    expect(html).toContain(`data-demo="${declaration.name}"`);
  });

  it('stops the build when it was not handed its page notebook, naming the cell and the fix', () => {
    expect(() => renderToString(<ForwardDemo />)).toThrow(
      `The cell "${declaration.name}" was not handed its page's notebook: write notebook={props.notebook} on it.`,
    );
  });

  it('stops the build when the page notebook lacks a key the cell reads, naming the key', () => {
    const [first, ...rest] = declaration.params;
    expect(() => renderToString(<ForwardDemo notebook={buildPageNotebook(rest)} />)).toThrow(
      `The cell "${declaration.name}" reads ${first}, which its page's notebook lacks.`,
    );
  });
});
