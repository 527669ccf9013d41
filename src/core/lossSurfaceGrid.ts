/** A loss-surface grid: each axis is [min, max, size] with size 2..4096 evenly spaced points, min and max included. */
export interface LossSurfaceGrid {
  /** Columns: the w_x values. */
  readonly wX: readonly [number, number, number];
  /** Rows: the w_rec values. */
  readonly wRec: readonly [number, number, number];
}

/** A loss surface: values[r · cols + c] is the loss at (w_rec = wRec[r], w_x = wX[c]). */
export interface LossSurface {
  readonly values: Float64Array;
  readonly wX: Float64Array;
  readonly wRec: Float64Array;
}

/** Options of the loss-surface functions: an L2 penalty λ ≥ 0 (default 0) and an optional array of length rows · cols to write into (reused between redraws). */
export interface LossSurfaceOptions {
  readonly penalty?: number;
  readonly out?: Float64Array;
}
