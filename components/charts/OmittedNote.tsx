import type { ComponentChildren } from 'preact';

interface Props {
  /** How many values the chart left out because they are not finite numbers. */
  count: number;
  /**
   * The words to show instead of the default count, e.g. the cell's own account of the overflow; `false` when the
   * cell already says it in its own message beside the chart, so the reader is not told twice.
   */
  children?: ComponentChildren;
}

/** Words next to a chart for the values it cannot draw (±∞ after an overflow, NaN after ∞ − ∞); nothing when there are none. */
export function OmittedNote({ count, children }: Props) {
  if (count === 0 || children === false) return null;
  return (
    <p class="message warning">
      {children ??
        (count === 1
          ? '1 value is not finite (±∞ after an overflow, or undefined, as ∞ − ∞ is): it is not drawn, and the axes are scaled to the finite values.'
          : `${count} values are not finite (±∞ after an overflow, or undefined, as ∞ − ∞ is): they are not drawn, and the axes are scaled to the finite values.`)}
    </p>
  );
}
