import type { FunctionComponent } from 'preact';
import type { Notebook } from '~/notebook/notebook.ts';
import type { CellDeclaration, KeysOf, PageNotebook } from '~/notebook/page.ts';
import type { ParamKey } from '~/notebook/params.ts';
import { usePageNotebook } from '~/notebook/use-page-notebook.ts';
import { frameCell, type CellFrame, type FramedCell } from './frameCell.tsx';

/** What every live cell that reads the notebook takes from its chapter: the page's notebook, built once by the chapter layout. */
export interface CellProps {
  notebook?: PageNotebook;
}

/** The props of a cell's view: the page's notebook limited to the keys of declaration D. */
export interface ViewProps<D> {
  notebook: Notebook<KeysOf<D>>;
}

/**
 * Makes a live cell from its declaration and its view. The view gets the page's notebook limited to the keys the
 * cell declares, plus the cell's own props; the cell gets its frame from {@link frameCell}. In a chapter:
 * `<YourCell client:visibleafterload notebook={props.notebook} />`.
 */
export function defineCell<K extends ParamKey, P extends object = object>(
  declaration: CellDeclaration<K>,
  View: FunctionComponent<P & { notebook: Notebook<K> }>,
  frame?: (own: P) => CellFrame,
): FramedCell<P & CellProps, CellDeclaration<K>> {
  function Reader({ notebook: page, ...own }: P & { notebook: PageNotebook }) {
    const notebook = usePageNotebook(page, declaration.params);
    return <View {...(own as P)} notebook={notebook} />;
  }
  const Framed = frameCell(declaration, Reader as FunctionComponent<P & { notebook: PageNotebook }>, frame);
  function Cell(props: P & CellProps) {
    const page = props.notebook as PageNotebook;
    // Checked where the page is rendered, at build time: thrown outside the frame, so the build stops (a cell without its
    // page's notebook would show site defaults). The browser hydrates the same props, so its bundle leaves the check out.
    if (import.meta.env.SSR) assertHanded(declaration, props.notebook);
    return <Framed {...props} notebook={page} />;
  }
  Cell.displayName = `Cell(${declaration.name})`;
  return Object.assign(Cell, { cell: declaration });
}

/** Throws unless the cell was handed its page's notebook and that notebook holds every key the cell reads. */
export function assertHanded(declaration: CellDeclaration<ParamKey>, page: PageNotebook | undefined): asserts page is PageNotebook {
  if (page === undefined) {
    throw new Error(`The cell "${declaration.name}" was not handed its page's notebook: write notebook={props.notebook} on it.`);
  }
  const missing = declaration.params.filter((key) => !page.keys.includes(key));
  if (missing.length > 0) throw new Error(`The cell "${declaration.name}" reads ${missing.join(', ')}, which its page's notebook lacks.`);
}
