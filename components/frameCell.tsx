import type { FunctionComponent } from 'preact';
import { DemoFrame } from './DemoFrame.tsx';

/** What names a cell's frame: its `data-demo` (and id), and what it shows, for assistive technology. */
export interface CellFrame {
  readonly name: string;
  readonly label: string;
}

/** A live cell: its view in a DemoFrame, with its declaration attached (the chapter layout reads it). */
export type FramedCell<P, D extends CellFrame = CellFrame> = FunctionComponent<P> & { readonly cell: D };

/**
 * A live cell that reads no notebook keys: its view wrapped in a DemoFrame (`data-demo`, an error inside the cell
 * stays in the cell, the on-screen signal). A view that shows one of several variants (chosen by a prop) names each
 * variant's frame with `frame`. Cells that read the page's notebook use `defineCell`, built on this one.
 */
export function frameCell<P extends object, D extends CellFrame>(
  declaration: D,
  View: FunctionComponent<P>,
  frame: (props: P) => CellFrame = () => declaration,
): FramedCell<P, D> {
  function Cell(props: P) {
    const { name, label } = frame(props);
    return (
      <DemoFrame name={name} label={label}>
        <View {...props} />
      </DemoFrame>
    );
  }
  Cell.displayName = `Cell(${declaration.name})`;
  return Object.assign(Cell, { cell: declaration });
}
