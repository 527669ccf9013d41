/** The network's two shared weights: the recurrent weight w_rec and the input weight w_x. */
export interface Weights {
  readonly wRec: number;
  readonly wX: number;
}
