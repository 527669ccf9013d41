import { useState } from 'preact/hooks';
import './TablePager.css';

/** How many steps a long table draws at a time: enough to read, few enough to redraw within a frame. */
export const TABLE_PAGE = 100;

/** The first index of the page of `size` indices counted from `min` that holds `index`. */
export function pageStart(index: number, min: number, size = TABLE_PAGE): number {
  return min + Math.floor((index - min) / size) * size;
}

/**
 * Which page of a long table is drawn: the indices `from`..`to` of `min`..`max`, `size` at a time. Starts at the
 * page holding `start` (the first by default) and goes back there whenever `start` changes.
 */
export function useTablePage(min: number, max: number, start = min, size = TABLE_PAGE) {
  const [chosen, setChosen] = useState<{ from: number; start: number } | null>(null);
  const last = pageStart(Math.max(max, min), min, size);
  const wanted = chosen !== null && chosen.start === start ? chosen.from : pageStart(start, min, size);
  const from = Math.min(Math.max(wanted, min), last);
  return { from, to: Math.min(from + size - 1, max), move: (next: number) => setChosen({ from: next, start }) };
}

interface Props {
  /** The index's name as readers see it: "k", "τ". */
  name: string;
  min: number;
  max: number;
  from: number;
  to: number;
  move: (from: number) => void;
  size?: number;
}

/** Buttons to page through a table too long to draw at once, and which part of it is shown; nothing for a short one. */
export function TablePager({ name, min, max, from, to, move, size = TABLE_PAGE }: Props) {
  if (max - min + 1 <= size) return null;
  return (
    <div class="table-pager">
      <button type="button" onClick={() => move(from - size)} disabled={from <= min}>
        Previous {size}
      </button>
      <span aria-live="polite">
        Showing {name} = {from} to {to} of {min} to {max}
      </span>
      <button type="button" onClick={() => move(from + size)} disabled={to >= max}>
        Next {size}
      </button>
    </div>
  );
}
